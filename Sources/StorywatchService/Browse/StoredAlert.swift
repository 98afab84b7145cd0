import Foundation
import StorywatchModel

/// A development read back from the CloudEvents JSON it was recorded with (docs/alert.schema.json):
/// the store keeps the alert, not the development value.
struct StoredAlert: Decodable {
    let data: Payload

    struct Payload: Decodable {
        let kind: String
        let summary: String
        let event: WireEvent
        let previous: WireEvent?
    }

    struct WireActor: Decodable, Hashable {
        let code: String
        let name: String
    }

    /// The schema's event, as far as browsing needs it.
    struct WireEvent: Decodable, Hashable {
        let source: WireActor?
        let target: WireActor?
        let said_by: WireActor?
        let type: String?
        let mode: String
        let status: String
        let date: String?
        let document: String
        let quote: String

        /// What identifies the event among a storyline's entries.
        var key: EventKey {
            EventKey(document: document, quote: quote, status: status, source: source?.code, target: target?.code)
        }
    }

    /// Decodes an alert; nil for bytes that are not one (logged by the caller's count, never fatal).
    static func decode(_ data: Data) -> StoredAlert? {
        try? JSONDecoder().decode(StoredAlert.self, from: data)
    }
}

/// An event's identity across the storyline state and the recorded alerts.
struct EventKey: Hashable {
    let document: String
    let quote: String
    let status: String
    let source: String?
    let target: String?

    init(document: String, quote: String, status: String, source: String?, target: String?) {
        self.document = document
        self.quote = quote
        self.status = status
        self.source = source
        self.target = target
    }

    init(_ event: Event) {
        self.init(document: event.document, quote: event.quote, status: event.status.rawValue,
                  source: event.source?.code, target: event.target?.code)
    }
}
