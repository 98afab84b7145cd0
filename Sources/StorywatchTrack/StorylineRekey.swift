import StorywatchModel

/// Files the history of storylines kept under an earlier version's keys (a country's rebels
/// and its government in one storyline; no policy storylines) under today's keys
/// (`StorylineKey.of`), so an upgrade finds every earlier event where the rules now look for it
/// and a re-report of an alerted act stays a re-report.
package enum StorylineRekey {
    /// The same events under today's keys, in id order: each event once per storyline, in date
    /// order; a denial or admission also on its speaker's own
    /// record (as `StorylineBook` keeps it); each last date the latest of the events.
    package static func rekey(_ states: [StorylineState]) -> [StorylineState] {
        var byID: [String: StorylineState] = [:]
        var filed: [String: Set<Event>] = [:]
        func file(_ event: Event, id: String, sides: [String]) {
            guard filed[id, default: []].insert(event).inserted else { return }
            var state = byID[id] ?? StorylineState(id: id, roots: sides)
            state.append(event)
            if let date = event.date { state.lastDate = max(state.lastDate ?? date, date) }
            byID[id] = state
        }
        for event in inDateOrder(states) {
            guard let key = StorylineKey.of(event) else { continue }
            file(event, id: key.id, sides: key.sides)
            if [.denied, .admitted].contains(event.status), let side = event.side, side != key.id {
                file(event, id: side, sides: [side])
            }
        }
        return byID.keys.sorted().compactMap { byID[$0] }
    }

    /// Every event of the old storylines by date; an undated one at the date of the event before
    /// it in its storyline; ties in storyline and arrival order.
    private static func inDateOrder(_ states: [StorylineState]) -> [Event] {
        var dated: [(day: Int, order: Int, event: Event)] = []
        for old in states.sorted(by: { $0.id < $1.id }) {
            var day = Int.min
            for entry in old.entries.sorted(by: { $0.sequence < $1.sequence }) {
                if let date = entry.event.date { day = date.ordinal }
                dated.append((day, dated.count, entry.event))
            }
        }
        return dated.sorted { ($0.day, $0.order) < ($1.day, $1.order) }.map(\.event)
    }
}
