import Foundation
import GRDB
import StorywatchModel
import StorywatchStore

/// Alerts, and stores with alerts queued, for the tests of the outbox and its delivery.
package enum Fixtures {
    package static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    package static func development(id: String = "dev-1", kind: DevelopmentKind = .reversal,
                            quote: String = "The union rejected the port operator's offer on Friday.",
                            summary: String = "The union reversed its stance on the offer") -> Development {
        let union = Actor(code: "JPNLAB", name: "the union")
        let company = Actor(code: "JPNBUS", name: "the port operator")
        let event = Event(source: union, target: company, type: .reject, mode: "offer", status: .refused,
                          date: Day(year: 2026, month: 4, day: 18), document: "2026/port-strike.txt", quote: quote)
        return Development(id: id, kind: kind, summary: summary,
                           storyline: StorylineRef(id: "JPN-JPN", title: "JPN – JPN", actors: ["JPN"]),
                           event: event, previous: nil)
    }

    package static func alert(id: String = "dev-1", kind: DevelopmentKind = .reversal, quote: String? = nil,
                              previousQuote: String? = nil) -> Alert {
        var development = quote.map { Self.development(id: id, kind: kind, quote: $0) } ?? Self.development(id: id, kind: kind)
        if let previousQuote {
            var previous = development.event
            previous.status = .promised
            previous.document = "2026/port-talks.txt"
            previous.quote = previousQuote
            development.previous = previous
        }
        return Alert(development: development, source: "storywatch://test/corpus",
                     time: Date(timeIntervalSince1970: 1_776_500_000))
    }

    /// An in-memory store holding `count` developments, each queued for `webhooks`.
    package static func store(developments count: Int = 1, webhooks: [String] = ["ops"], now: Date = Date(),
                      prefix: String = "dev-") throws -> Store {
        let store = try Store(writer: DatabaseQueue())
        try queue(into: store, count: count, webhooks: webhooks, now: now, prefix: prefix)
        return store
    }

    /// Records `count` developments (one document commit) queued for `webhooks`.
    package static func queue(into store: Store, count: Int, webhooks: [String], now: Date = Date(), prefix: String = "dev-",
                      document: String = "2026/port-strike.txt") throws {
        let records = (0..<count).map { i in
            let alert = alert(id: "\(prefix)\(i + 1)")
            return (development: alert.development, alert: alert.jsonData(), webhooks: webhooks)
        }
        let stored = StoredDocument(path: document, size: 1, mtimeNanos: 1, inode: 1, hash: "h-\(prefix)")
        try store.commit(DocumentCommit(document: stored, layout: "wire", newItems: [], storylines: [],
                                        developments: records), allItems: [], now: now)
    }
}
