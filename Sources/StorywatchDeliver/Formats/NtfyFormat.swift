import Foundation
import StorywatchModel

/// ntfy JSON publishing: `{"topic", "title", "message", "priority", "tags"}`. The webhook's URL
/// names the topic (https://ntfy.sh/TOPIC); the body carries the topic, so the request goes to
/// the server root (see `NtfyFormat.postURL`). The message is kept within ntfy's 4,096 bytes.
enum NtfyFormat {
    static let limit = 4_000

    static func payload(_ alert: AlertView, priorities: [DevelopmentKind: Int], topic: String = "") -> FormattedPayload {
        let message = Fitting.fit(quote: alert.data.event?.quote ?? "", limit: limit, measure: Fitting.utf8) { quote in
            var lines = [alert.data.summary]
            if !quote.isEmpty { lines.append("“\(quote)”") }
            if !alert.context.isEmpty { lines.append(alert.context) }
            return lines.joined(separator: "\n")
        }
        let priority = DevelopmentKind(rawValue: alert.data.kind).flatMap { priorities[$0] } ?? 3
        let object: [String: Any] = [
            "topic": topic, "title": Fitting.cut("storywatch: \(alert.kindTitle)", limit: 250, measure: Fitting.utf8),
            "message": message, "priority": priority, "tags": ["storywatch", alert.data.kind],
        ]
        return FormattedPayload(body: PayloadFormatter.json(object), contentType: "application/json")
    }

    /// Splits https://host/TOPIC into the server root (where JSON is published) and the topic.
    static func split(url: String) -> (root: String, topic: String) {
        guard let components = URLComponents(string: url), !components.path.isEmpty, components.path != "/" else {
            return (url, "")
        }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        let topic = String(path.split(separator: "/").last ?? "")
        var root = components
        root.path = String(path.dropLast(topic.count))
        if root.path.isEmpty { root.path = "/" }
        root.query = nil
        return (root.string ?? url, topic)
    }
}
