import Foundation

/// Slack incoming webhook: `{"text": …}` in mrkdwn with the kind, the summary, the quote as a
/// block quote and the context line. `<`, `>` and `&` are escaped and unfurling is off, so the
/// evidence cannot form links or mentions. Text is kept within Slack's 4,000 characters.
enum SlackFormat {
    static let limit = 4_000

    static func payload(_ alert: AlertView) -> FormattedPayload {
        let text = Fitting.fit(quote: alert.data.event?.quote ?? "", limit: limit, measure: Fitting.utf16) { quote in
            var lines = ["*\(escape(alert.kindTitle))*: \(escape(alert.data.summary))"]
            if !quote.isEmpty { lines.append("> \(escape(quote))") }
            if !alert.context.isEmpty { lines.append("_\(escape(alert.context))_") }
            return lines.joined(separator: "\n")
        }
        let object: [String: Any] = ["text": text, "unfurl_links": false, "unfurl_media": false]
        return FormattedPayload(body: PayloadFormatter.json(object), contentType: "application/json")
    }

    /// Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
