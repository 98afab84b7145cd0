import Foundation
import StorywatchModel

/// A request body and its Content-Type.
package struct FormattedPayload: Sendable, Equatable {
    package var body: Data
    package var contentType: String
}

/// Turns a stored alert into the body a webhook's format expects. Length limits are met by
/// shortening the quote (then the summary), never by dropping the alert.
package enum PayloadFormatter {
    /// The body for `endpoint`; an alert that cannot be decoded goes out as CloudEvents unchanged.
    package static func payload(alert: Data, for endpoint: WebhookEndpoint) -> FormattedPayload {
        guard endpoint.format != .cloudevents, let view = AlertView.decode(alert) else {
            return FormattedPayload(body: alert, contentType: "application/cloudevents+json")
        }
        let link = endpoint.linkTemplate
        switch endpoint.format {
        case .cloudevents: return FormattedPayload(body: alert, contentType: "application/cloudevents+json")
        case .slack: return SlackFormat.payload(view, linkTemplate: link)
        case .discord: return DiscordFormat.payload(view, linkTemplate: link)
        case .teams: return TeamsFormat.payload(view, linkTemplate: link)
        case .ntfy:
            return NtfyFormat.payload(view, priorities: endpoint.ntfyPriorities,
                                      topic: NtfyFormat.split(url: endpoint.url).topic, linkTemplate: link)
        }
    }

    /// Encodes a JSON object with sorted keys and unescaped slashes.
    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}

/// Fits text into a limit by shortening the quote first, then the rest.
enum Fitting {
    /// The longest form of `quote` (whole, or a prefix ending in "…") for which `fits` holds;
    /// "" when none does.
    static func quote(_ quote: String, fits: (String) -> Bool) -> String {
        if fits(quote) { return quote }
        let characters = Array(quote)
        var low = 0
        var high = characters.count - 1
        var best = ""
        while low <= high {
            let mid = (low + high) / 2
            let candidate = String(characters[0..<mid]).trimmingCharacters(in: .whitespaces) + "…"
            if fits(candidate) {
                best = candidate
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return best
    }

    /// Renders with the longest quote that keeps `measure` within `limit`; when even no quote
    /// is short enough, cuts the rendered text itself.
    static func fit(quote: String, limit: Int, measure: (String) -> Int, render: (String) -> String) -> String {
        let chosen = Self.quote(quote) { measure(render($0)) <= limit }
        return cut(render(chosen), limit: limit, measure: measure)
    }

    /// The longest prefix of `text` plus "…" within `limit`.
    static func cut(_ text: String, limit: Int, measure: (String) -> Int) -> String {
        if measure(text) <= limit { return text }
        var result = ""
        for character in text {
            if measure(result + String(character) + "…") > limit { break }
            result.append(character)
        }
        return result + "…"
    }

    static func utf16(_ s: String) -> Int { s.utf16.count }
    static func utf8(_ s: String) -> Int { s.utf8.count }
}
