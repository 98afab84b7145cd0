import StorywatchModel

/// Where storylines are kept between documents; the service implements it over its store.
package protocol StorylineRepository {
    /// The stored state of storyline `id`, nil when there is none.
    func storyline(id: String) throws -> StorylineState?
    /// A development of this id was recorded before.
    func developmentExists(id: String) throws -> Bool
}

/// The storyline bookkeeping of one document, the one path `scan`, `run` and `explain --state`
/// share: each storyline it touches read once, the one-party and country storylines whose
/// truces bind a dyad (`related`), and a turn told twice in the document raised once.
package struct StorylineBook {
    private let repository: any StorylineRepository
    package let tracker: Tracker
    /// States read or changed, by storyline id.
    private var states: [String: StorylineState] = [:]
    /// Ids of the states an event was recorded in: only these are written back.
    private var changed: Set<String> = []
    /// The developments raised so far in this document.
    private var raised: [Development] = []

    package init(repository: any StorylineRepository, tracker: Tracker) {
        self.repository = repository
        self.tracker = tracker
    }

    /// What recording one event did: its storyline, how many events it held before, the outcome.
    package struct Entry {
        package var key: StorylineKey
        package var known: Int
        package var outcome: Tracker.Outcome
    }

    /// Records `event` in its storyline; nil when it names no actor at all.
    package mutating func assess(_ event: Event) throws -> Entry? {
        guard let key = StorylineKey.of(event) else { return nil }
        var state = try state(id: key.id, sides: key.sides)
        let known = state.entries.count
        let outcome = tracker.assess(event, in: &state, related: try related(to: key.sides, speaker: event.side))
        states[state.id] = state
        changed.insert(state.id)
        if event.status == .denied || event.status == .admitted, let side = event.side, side != state.id {
            try keepOnSidesRecord(event, side: side)
        }
        return Entry(key: key, known: known, outcome: outcome)
    }

    /// Records `event` and returns the development it raises that is news: not recorded by an
    /// earlier pass, not the same turn (kind, storyline, sentence) already raised in this document.
    package mutating func record(_ event: Event) throws -> Development? {
        guard case .raised(let development)? = try assess(event).map(\.outcome),
              try !repository.developmentExists(id: development.id),
              !raised.contains(where: { $0.id == development.id || ($0.kind == development.kind
                  && $0.storyline.id == development.storyline.id && $0.event.quote == development.event.quote) })
        else { return nil }
        raised.append(development)
        return development
    }

    /// The changed states, in id order.
    package var changedStates: [StorylineState] {
        changed.sorted().compactMap { states[$0] }
    }

    /// The state of storyline `id`, from this document's cache, else the repository, else new.
    private mutating func state(id: String, sides: [String]) throws -> StorylineState {
        if let cached = states[id] { return cached }
        let loaded = try repository.storyline(id: id) ?? StorylineState(id: id, roots: sides)
        states[id] = loaded
        return loaded
    }

    /// A denial or admission is copied to the speaker's own storyline (history only), so that
    /// an admission filed under another storyline still finds it.
    private mutating func keepOnSidesRecord(_ event: Event, side: String) throws {
        var own = try state(id: side, sides: [side])
        own.append(event)
        states[side] = own
        changed.insert(side)
    }

    /// The entries of the one-party storylines of a dyad's sides, and of the dyad of their
    /// countries where a side is a group inside one (a truce in the country's name binds its
    /// groups); for an admission, the speaker's own storyline, where its denials are kept.
    private mutating func related(to sides: [String], speaker: String? = nil) throws -> [ThreadEntry] {
        var entries: [ThreadEntry] = []
        if let speaker, sides != [speaker] { entries += try state(id: speaker, sides: [speaker]).entries }
        guard sides.count == 2 else { return entries }
        entries += try sides.filter { $0 != speaker }.flatMap { try state(id: $0, sides: [$0]).entries }
        let countries = sides.map { String($0.prefix(3)) }.sorted()
        if countries != sides, countries[0] != countries[1] {
            entries += try state(id: StorylineKey.id(sides: countries), sides: countries).entries
        }
        return entries
    }
}
