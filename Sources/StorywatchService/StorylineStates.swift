import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// The storylines one document touches, each read from the store once: the dyad's state and
/// the one-party states whose truces bind it (`related`). Used by the scan pass and `explain`.
struct StorylineStates {
    let store: Store
    /// States read or changed, by storyline id.
    private(set) var states: [String: StorylineState] = [:]
    /// Ids of the states `record` changed: only these are written back.
    private(set) var changed: Set<String> = []

    init(store: Store) {
        self.store = store
    }

    /// The state of storyline `id`, from this document's cache, else the store, else new.
    mutating func state(id: String, roots: [String]) throws -> StorylineState {
        if let cached = states[id] { return cached }
        let loaded = try store.storyline(id: id).flatMap { StorylineState.decode($0.state) }
            ?? StorylineState(id: id, roots: roots)
        states[id] = loaded
        return loaded
    }

    /// The entries of the one-party storylines of a dyad's sides, and of the dyad of their
    /// countries where a side is a group inside one (a truce in the country's name binds its
    /// groups); none for a one-party storyline.
    mutating func related(to sides: [String]) throws -> [ThreadEntry] {
        guard sides.count == 2 else { return [] }
        var entries = try sides.flatMap { try state(id: $0, roots: [$0]).entries }
        let countries = sides.map { String($0.prefix(3)) }.sorted()
        if countries != sides, countries[0] != countries[1] {
            entries += try state(id: StorylineKey.id(sides: countries), roots: countries).entries
        }
        return entries
    }

    mutating func update(_ state: StorylineState) {
        states[state.id] = state
        changed.insert(state.id)
    }

    /// The changed states, in id order.
    var changedStates: [StorylineState] {
        changed.sorted().compactMap { states[$0] }
    }
}
