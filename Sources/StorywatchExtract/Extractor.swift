import StorywatchModel

/// An event with the item it came from, so a pass can keep only the events of new items.
package struct ExtractedEvent: Sendable {
    package var event: Event
    package var itemHash: String
}

/// Sentences → events, with dictionaries and rules (design §2–3).
package struct Extractor: Sendable {
    package init() {}

    /// The events of a document's items in chronological order.
    package func extract(document: Document) -> [ExtractedEvent] { [] }

    /// The events of one text on its own (`extract --lines`).
    package func extract(text: String, document: String) -> [Event] { [] }
}
