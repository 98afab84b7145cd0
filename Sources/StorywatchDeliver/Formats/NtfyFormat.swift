import Foundation
import StorywatchModel

/// ntfy JSON publishing: `{"topic", "title", "message", "priority", "tags", "click"}`. The
/// title is the kind and storyline; the message the summary, the quote, the previous event
/// ("before:") and the context; tags add an emoji per kind; `click` opens the document through
/// `link_template`. The webhook's URL names the topic (https://ntfy.sh/TOPIC); the body carries
/// the topic, so the request goes to the server root (see `NtfyFormat.split`). The message is
/// kept within ntfy's 4,096 bytes.
enum NtfyFormat {
    static let limit = 4_000

    /// ntfy turns these tags into emoji before the title.
    static let emoji: [DevelopmentKind: String] = [
        .violation: "rotating_light", .retaliation: "leftwards_arrow_with_hook", .reversal: "arrows_counterclockwise",
        .fulfilled: "white_check_mark", .escalation: "chart_with_upwards_trend",
        .deEscalation: "chart_with_downwards_trend", .update: "pencil2", .new: "newspaper",
    ]

    static func payload(_ alert: AlertView, priorities: [DevelopmentKind: Int], topic: String = "",
                        linkTemplate: String? = nil) -> FormattedPayload {
        let before = alert.before.map { Fitting.cut($0, limit: 1_000, measure: Fitting.utf8) }
        let message = Fitting.fit(quote: alert.quote, limit: limit, measure: Fitting.utf8) { quote in
            var lines = [alert.data.summary]
            if !quote.isEmpty { lines.append("“\(quote)”") }
            if let before { lines.append(before) }
            if !alert.context.isEmpty { lines.append(alert.context) }
            return lines.joined(separator: "\n")
        }
        let kind = DevelopmentKind(rawValue: alert.data.kind)
        let priority = kind.flatMap { priorities[$0] } ?? 3
        var object: [String: Any] = [
            "topic": topic, "title": Fitting.cut(alert.heading, limit: 250, measure: Fitting.utf8),
            "message": message, "priority": priority,
            "tags": [kind.flatMap { emoji[$0] }, "storywatch", alert.data.kind].compactMap { $0 },
        ]
        if let link = alert.link(linkTemplate) { object["click"] = link }
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
