import Foundation

/// Slack incoming webhook in Block Kit: a header (kind and storyline), a section with the
/// summary and the quote, the previous event labelled "before:", and a context line (kind,
/// storyline, date, document — a link through `link_template`). `text` stays as the
/// notification fallback. `<`, `>` and `&` are escaped and unfurling is off, so the evidence
/// cannot form links or mentions. Limits: header 150, section and context texts 3,000, `text` 4,000.
enum SlackFormat {
    static let textLimit = 4_000
    static let headerLimit = 150
    static let blockTextLimit = 3_000

    static func payload(_ alert: AlertView, linkTemplate: String? = nil) -> FormattedPayload {
        let summary = escape(alert.data.summary)
        let section = Fitting.fit(quote: alert.quote, limit: blockTextLimit, measure: Fitting.utf16) { quote in
            quote.isEmpty ? summary : "\(summary)\n> \(escape(quote))"
        }
        var blocks: [[String: Any]] = [
            ["type": "header", "text": plain(Fitting.cut(alert.heading, limit: headerLimit, measure: Fitting.utf16))],
            ["type": "section", "text": mrkdwn(section)],
        ]
        if let before = alert.before { blocks.append(context([escape(before)])) }
        let document = alert.document.map { document in
            alert.link(linkTemplate).map { "<\($0)|\(escape(document))>" } ?? escape(document)
        }
        let facts = ["*\(escape(alert.kindTitle))*", alert.data.storyline.map { escape($0.title) }, alert.data.event?.date,
                     document].compactMap { $0 }
        blocks.append(context(facts))
        let text = Fitting.cut(escape("\(alert.kindTitle): \(alert.data.summary)"), limit: textLimit, measure: Fitting.utf16)
        let object: [String: Any] = ["text": text, "blocks": blocks, "unfurl_links": false, "unfurl_media": false]
        return FormattedPayload(body: PayloadFormatter.json(object), contentType: "application/json")
    }

    static func plain(_ text: String) -> [String: Any] { ["type": "plain_text", "text": text, "emoji": false] }
    static func mrkdwn(_ text: String) -> [String: Any] { ["type": "mrkdwn", "text": text] }

    /// A context block of mrkdwn elements, each within the block text limit.
    static func context(_ texts: [String]) -> [String: Any] {
        ["type": "context", "elements": texts.map { mrkdwn(Fitting.cut($0, limit: blockTextLimit, measure: Fitting.utf16)) }]
    }

    /// Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
