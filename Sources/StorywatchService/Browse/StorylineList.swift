import Foundation
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// One line of `storywatch storylines`.
package struct StorylineSummary: Sendable, Codable, Equatable {
    package var id: String
    package var sides: [String]
    /// The kind of the latest development; nil when none was recorded.
    package var lastTurn: String?
    package var events: Int
    package var developments: Int
    /// The latest event date (YYYY-MM-DD).
    package var lastDate: String?
    package var muted: MuteView?

    enum CodingKeys: String, CodingKey {
        case id, sides, lastTurn = "last_turn", events, developments, lastDate = "last_date", muted
    }
}

/// `storywatch storylines [--actor CODE] [--since DATE]`: every storyline, one summary each.
package struct StorylineList: Sendable {
    package var store: Store

    package init(store: Store) { self.store = store }

    /// Storylines with a side starting with `actor` (a root or a full code) and a last date on or
    /// after `since`, the latest first, then by id.
    package func run(actor: String? = nil, since: Day? = nil, today: Day = Day(Date())) throws -> [StorylineSummary] {
        let turns = try store.turnsByStoryline()
        let mutes = try Mute.active(store: store, on: today)
        var result: [StorylineSummary] = []
        for stored in try store.allStorylines() {
            if let actor, !stored.actors.contains(where: { $0.hasPrefix(actor.uppercased()) }) { continue }
            if let since, (stored.lastDate.flatMap(Day.init(iso:)).map { $0 < since } ?? true) { continue }
            let events = StorylineState.decode(stored.state)?.entries.count ?? 0
            let turn = turns[stored.id]
            result.append(StorylineSummary(id: stored.id, sides: stored.actors, lastTurn: turn?.lastKind, events: events,
                                           developments: turn?.count ?? 0, lastDate: stored.lastDate,
                                           muted: mutes[stored.id].map { MuteView(until: $0.until?.description) }))
        }
        return result.sorted { ($0.lastDate ?? "", $1.id) > ($1.lastDate ?? "", $0.id) }
    }
}
