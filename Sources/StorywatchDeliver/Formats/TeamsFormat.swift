import Foundation

/// Microsoft Teams Workflows ("When a Teams webhook request is received"): a message with one
/// Adaptive Card 1.4 attachment: the kind as a heading, the summary, the quote, and facts.
/// The body is kept within 28,000 bytes (Teams refuses larger messages).
enum TeamsFormat {
    static let limit = 28_000

    static func payload(_ alert: AlertView) -> FormattedPayload {
        let quote = Fitting.quote(alert.data.event?.quote ?? "") { body(alert, quote: $0).count <= limit }
        return FormattedPayload(body: body(alert, quote: quote), contentType: "application/json")
    }

    static func body(_ alert: AlertView, quote: String) -> Data {
        var blocks: [[String: Any]] = [
            ["type": "TextBlock", "text": alert.kindTitle, "weight": "Bolder", "size": "Medium", "wrap": true],
            ["type": "TextBlock", "text": alert.data.summary, "wrap": true],
        ]
        if !quote.isEmpty {
            blocks.append(["type": "TextBlock", "text": "“\(quote)”", "wrap": true, "isSubtle": true])
        }
        var facts: [[String: String]] = []
        if let title = alert.data.storyline?.title { facts.append(["title": "Storyline", "value": title]) }
        if let document = alert.data.event?.document ?? alert.subject { facts.append(["title": "Document", "value": document]) }
        if let date = alert.data.event?.date { facts.append(["title": "Date", "value": date]) }
        if !facts.isEmpty { blocks.append(["type": "FactSet", "facts": facts]) }
        let card: [String: Any] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard", "version": "1.4", "body": blocks,
        ]
        let message: [String: Any] = [
            "type": "message",
            "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": NSNull(),
                             "content": card] as [String: Any]],
        ]
        return PayloadFormatter.json(message)
    }
}
