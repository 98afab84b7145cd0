import Foundation
import StorywatchModel

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
        package var mode: String?
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
        package var previous: EventView?
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

    /// "Reversal: Belarus – Norway: sanction (expel)", the kind and the storyline it turns.
    package var heading: String {
        [kindTitle, data.storyline?.title].compactMap { $0 }.joined(separator: ": ")
    }

    /// The quote, the evidence; "" when there is none.
    package var quote: String { data.event?.quote ?? "" }

    /// The document the alert comes from, relative to the corpus.
    package var document: String? { data.event?.document ?? subject }

    /// "“…” (2025/a.txt)": the previous event's quote and document; nil without one.
    package var previousEvidence: String? {
        guard let previous = data.previous, let quote = previous.quote else { return nil }
        return "“\(quote)”" + (previous.document.map { " (\($0))" } ?? "")
    }

    /// "before: “…” (2025/a.txt)": the previous event's evidence, labelled.
    package var before: String? { previousEvidence.map { "before: \($0)" } }

    /// Storyline · document · date, the parts that exist.
    package var context: String {
        [data.storyline?.title, document, data.event?.date].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The document as a link through a webhook's `link_template`: `{path}` becomes the document
    /// path, each segment percent-encoded; nil without a template or a document.
    package func link(_ template: String?) -> String? {
        guard let template, let document else { return nil }
        return DocumentLink.url(template: template, document: document)
    }
}
