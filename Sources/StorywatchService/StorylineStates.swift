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

    /// The entries of the one-party storylines of a dyad's roots (none for a one-party storyline).
    mutating func related(to roots: [String]) throws -> [ThreadEntry] {
        guard roots.count == 2 else { return [] }
        return try roots.flatMap { try state(id: $0, roots: [$0]).entries }
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
