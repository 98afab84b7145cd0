import Foundation

/// Discord webhook: `{"content": …}` of at most 2,000 characters, mentions disabled so a quote
/// naming @everyone pings no one. A 429's `retry_after` is honoured by the retry policy.
enum DiscordFormat {
    static let limit = 2_000

    static func payload(_ alert: AlertView) -> FormattedPayload {
        let content = Fitting.fit(quote: alert.data.event?.quote ?? "", limit: limit, measure: Fitting.utf16) { quote in
            var lines = ["**\(alert.kindTitle)**: \(alert.data.summary)"]
            if !quote.isEmpty { lines.append("> \(quote)") }
            if !alert.context.isEmpty { lines.append("*\(alert.context)*") }
            return lines.joined(separator: "\n")
        }
        let object: [String: Any] = ["content": content, "allowed_mentions": ["parse": [String]()]]
        return FormattedPayload(body: PayloadFormatter.json(object), contentType: "application/json")
    }
}
