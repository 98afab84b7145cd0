import Foundation

/// The fields of a stored CloudEvents alert that chat formats show. Decoded from the bytes the
/// outbox holds, so every format renders exactly what was recorded.
package struct AlertView: Sendable, Decodable, Equatable {
    package struct Party: Sendable, Decodable, Equatable {
        package var code: String
        package var name: String
    }

    package struct EventView: Sendable, Decodable, Equatable {
        package var source: Party?
        package var target: Party?
        package var type: String?
        package var status: String?
        package var date: String?
        package var document: String?
        package var quote: String?
    }

    package struct StorylineView: Sendable, Decodable, Equatable {
        package var id: String
        package var title: String
    }

    package struct Payload: Sendable, Decodable, Equatable {
        package var kind: String
        package var summary: String
        package var storyline: StorylineView?
        package var event: EventView?
    }

    package var id: String
    package var type: String
    package var time: String?
    package var subject: String?
    package var data: Payload

    /// Decodes an alert; nil when the bytes are not one (the caller falls back to CloudEvents).
    package static func decode(_ json: Data) -> AlertView? {
        try? JSONDecoder().decode(AlertView.self, from: json)
    }

    /// "Reversal", "De-escalation": the kind as a heading.
    package var kindTitle: String {
        let kind = data.kind
        return kind.prefix(1).uppercased() + kind.dropFirst()
    }

    /// Storyline · document · date, the parts that exist.
    package var context: String {
        [data.storyline?.title, data.event?.document ?? subject, data.event?.date].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
