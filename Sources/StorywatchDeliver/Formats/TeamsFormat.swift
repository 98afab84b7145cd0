import Foundation

/// Microsoft Teams Workflows ("When a Teams webhook request is received"): a message with one
/// Adaptive Card 1.4 attachment: the kind and storyline as a heading, the summary, the quote,
/// the previous event labelled "before:", facts (storyline, document, date) and, through
/// `link_template`, an "Open the article" action. The body is kept within 28,000 bytes (Teams
/// refuses larger messages).
enum TeamsFormat {
    static let limit = 28_000

    static func payload(_ alert: AlertView, linkTemplate: String? = nil) -> FormattedPayload {
        let link = alert.link(linkTemplate)
        let quote = Fitting.quote(alert.quote) { body(alert, quote: $0, link: link).count <= limit }
        return FormattedPayload(body: body(alert, quote: quote, link: link), contentType: "application/json")
    }

    static func body(_ alert: AlertView, quote: String, link: String?) -> Data {
        var blocks: [[String: Any]] = [
            ["type": "TextBlock", "text": alert.heading, "weight": "Bolder", "size": "Medium", "wrap": true],
            ["type": "TextBlock", "text": alert.data.summary, "wrap": true],
        ]
        if !quote.isEmpty {
            blocks.append(["type": "TextBlock", "text": "“\(quote)”", "wrap": true, "isSubtle": true])
        }
        if let before = alert.before {
            blocks.append(["type": "TextBlock", "text": before, "wrap": true, "isSubtle": true, "size": "Small"])
        }
        var facts: [[String: String]] = []
        if let title = alert.data.storyline?.title { facts.append(["title": "Storyline", "value": title]) }
        if let document = alert.document { facts.append(["title": "Document", "value": document]) }
        if let date = alert.data.event?.date { facts.append(["title": "Date", "value": date]) }
        if !facts.isEmpty { blocks.append(["type": "FactSet", "facts": facts]) }
        var card: [String: Any] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard", "version": "1.4", "body": blocks,
        ]
        if let link { card["actions"] = [["type": "Action.OpenUrl", "title": "Open the article", "url": link]] }
        let message: [String: Any] = [
            "type": "message",
            "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": NSNull(),
                             "content": card] as [String: Any]],
        ]
        return PayloadFormatter.json(message)
    }
}
