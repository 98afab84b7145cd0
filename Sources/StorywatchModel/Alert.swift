import Foundation

/// A development as every sink receives it: a CloudEvents 1.0 structured-mode object
/// (see docs/alert.schema.json).
package struct Alert: Sendable, Hashable {
    package var development: Development
    /// URI of the watcher, e.g. storywatch://HOST/CORPUS-PATH.
    package var source: String
    /// When the development was detected.
    package var time: Date

    package init(development: Development, source: String, time: Date) {
        self.development = development
        self.source = source
        self.time = time
    }

    package var id: String { development.id }
    package var type: String { "org.storywatch.development.\(development.kind.rawValue)" }

    /// The CloudEvents JSON object, keys sorted so equal alerts give equal bytes.
    package func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain values with string keys cannot fail.
        return (try? encoder.encode(CloudEvent(self))) ?? Data("{}".utf8)
    }

    package func jsonLine() -> String { String(decoding: jsonData(), as: UTF8.self) }

    /// One readable line for terminals and logs.
    package func textLine() -> String {
        "[\(development.kind.rawValue)] \(development.summary)"
    }
}

/// The wire shape of an alert; kept private so the schema lives in one place.
private struct CloudEvent: Encodable {
    let specversion = "1.0"
    let id: String
    let source: String
    let type: String
    let time: Date
    let subject: String
    let datacontenttype = "application/json"
    let data: Payload

    init(_ alert: Alert) {
        id = alert.id
        source = alert.source
        type = alert.type
        time = alert.time
        subject = alert.development.event.document
        data = Payload(alert.development)
    }

    struct Payload: Encodable {
        let kind: String
        let summary: String
        let storyline: StorylineRef
        let event: WireEvent
        let previous: WireEvent?

        init(_ development: Development) {
            kind = development.kind.rawValue
            summary = development.summary
            storyline = development.storyline
            event = WireEvent(development.event)
            previous = development.previous.map(WireEvent.init)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(summary, forKey: .summary)
            try container.encode(storyline, forKey: .storyline)
            try container.encode(event, forKey: .event)
            try container.encode(previous, forKey: .previous) // explicit null, as the schema allows
        }

        enum CodingKeys: String, CodingKey { case kind, summary, storyline, event, previous }
    }
}

/// An event as the alert schema spells it: snake_case, explicit nulls.
package struct WireEvent: Encodable, Sendable {
    let event: Event

    package init(_ event: Event) { self.event = event }

    enum CodingKeys: String, CodingKey {
        case source, target, saidBy = "said_by", type, mode, status, quantity, date, document, quote, object
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event.source, forKey: .source)
        try c.encode(event.target, forKey: .target)
        try c.encode(event.saidBy, forKey: .saidBy)
        try c.encode(event.type?.rawValue, forKey: .type)
        try c.encode(event.mode, forKey: .mode)
        try c.encode(event.status.rawValue, forKey: .status)
        try c.encode(event.quantity, forKey: .quantity)
        try c.encode(event.date?.description, forKey: .date)
        try c.encode(event.document, forKey: .document)
        try c.encode(event.quote, forKey: .quote)
        try c.encode(event.object, forKey: .object)
    }
}

/// Events as `storywatch extract` prints them.
package enum EventJSON {
    /// One JSON object: the alert schema's event, plus "line" and "file" when given.
    package static func line(_ event: Event, line: Int?, file: String?) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = String(decoding: (try? encoder.encode(WireEvent(event))) ?? Data("{}".utf8), as: UTF8.self)
        var extra = ""
        if let line { extra += ",\"line\":\(line)" }
        if let file, let data = try? encoder.encode(file) { extra += ",\"file\":" + String(decoding: data, as: UTF8.self) }
        if !extra.isEmpty, text.hasSuffix("}") { text.removeLast(); text += extra + "}" }
        return text
    }

    /// One readable line.
    package static func text(_ e: Event, line: Int?) -> String {
        let prefix = line.map { "\($0): " } ?? ""
        let src = e.source.map { "\($0.code)(\($0.name))" } ?? "?"
        let tgt = e.target.map { " → \($0.code)(\($0.name))" } ?? ""
        let said = e.saidBy.map { " said_by \($0.code)(\($0.name))" } ?? ""
        let qty = e.quantity.map { " qty \($0.value)\($0.unit.map { " " + $0 } ?? "")" } ?? ""
        let date = e.date.map { " on \($0)" } ?? ""
        return "\(prefix)\(src)\(tgt) \(e.type?.rawValue ?? "NONE")/\(e.mode) \(e.status.rawValue)\(said)\(qty)\(date)"
    }
}
