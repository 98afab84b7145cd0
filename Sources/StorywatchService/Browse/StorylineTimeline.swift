import Foundation
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// One storyline as `show` and the report present it: its events in date order, each turn on
/// the event that made it, with a link to the event it turned from.
package struct StorylineTimeline: Sendable, Codable, Equatable {
    package var id: String
    package var sides: [String]
    package var muted: MuteView?
    package var events: [TimelineEvent]
    /// Developments whose event has fallen out of the kept history (a storyline keeps its last
    /// 400 events) still count here.
    package var developments: Int

    enum CodingKeys: String, CodingKey { case id, sides, muted, events, developments }
}

/// A storyline's mute as shown.
package struct MuteView: Sendable, Codable, Equatable {
    /// The last muted day (YYYY-MM-DD); nil for good.
    package var until: String?
}

/// One event of a timeline.
package struct TimelineEvent: Sendable, Codable, Equatable {
    /// 1-based position in the timeline, what `previous` refers to.
    package var index: Int
    package var date: String?
    package var status: String
    package var type: String?
    package var mode: String
    package var source: String?
    package var target: String?
    package var saidBy: String?
    package var document: String
    package var quote: String
    package var background: Bool
    package var turn: TimelineTurn?

    enum CodingKeys: String, CodingKey {
        case index, date, status, type, mode, source, target, saidBy = "said_by", document, quote, background, turn
    }
}

/// A development marked on the event that made it.
package struct TimelineTurn: Sendable, Codable, Equatable {
    package var id: String
    package var kind: String
    package var summary: String
    /// The index of the event it turns from, when that event is in the timeline.
    package var previous: Int?
    /// The event it turns from, as recorded, when it is not in the timeline.
    package var previousQuote: String?
    package var previousDocument: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, summary, previous, previousQuote = "previous_quote", previousDocument = "previous_document"
    }
}

extension StorylineTimeline {
    /// Builds the timeline of a stored storyline with its recorded developments.
    static func build(state: StorylineState, developments: [StoredDevelopment], mute: StoredMute?) -> StorylineTimeline {
        let ordered = dateOrdered(state.entries)
        var indexByKey: [EventKey: Int] = [:]
        var events: [TimelineEvent] = []
        for (offset, entry) in ordered.enumerated() {
            let e = entry.event
            if indexByKey[EventKey(e)] == nil { indexByKey[EventKey(e)] = offset + 1 }
            events.append(TimelineEvent(index: offset + 1, date: e.date?.description, status: e.status.rawValue,
                                        type: e.type?.rawValue, mode: e.mode, source: e.source?.code, target: e.target?.code,
                                        saidBy: e.saidBy?.code, document: e.document, quote: e.quote,
                                        background: e.isBackground, turn: nil))
        }
        for development in developments {
            guard let alert = StoredAlert.decode(development.alert),
                  let index = indexByKey[alert.data.event.key] else { continue }
            let previous = alert.data.previous
            let previousIndex = previous.flatMap { indexByKey[$0.key] }
            events[index - 1].turn = TimelineTurn(
                id: development.id, kind: development.kind, summary: development.summary, previous: previousIndex,
                previousQuote: previousIndex == nil ? previous?.quote : nil,
                previousDocument: previousIndex == nil ? previous?.document : nil)
        }
        return StorylineTimeline(id: state.id, sides: state.roots, muted: mute.map { MuteView(until: $0.until?.description) },
                                 events: events, developments: developments.count)
    }

    /// Entries by date, then arrival; an undated entry takes the date of the one before it in
    /// arrival order, so it stays where the tracker read it.
    static func dateOrdered(_ entries: [ThreadEntry]) -> [ThreadEntry] {
        var carried: Day?
        let keyed = entries.sorted { $0.sequence < $1.sequence }.map { entry -> (Day?, ThreadEntry) in
            carried = entry.event.date ?? carried
            return (carried, entry)
        }
        return keyed.sorted { a, b in
            switch (a.0, b.0) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.1.sequence < b.1.sequence
            }
        }.map(\.1)
    }
}
