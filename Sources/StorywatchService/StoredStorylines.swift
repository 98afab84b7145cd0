import Logging
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// The storylines of the store, as the tracker's bookkeeping reads them (`StorylineBook`).
struct StoredStorylines: StorylineRepository {
    let store: Store

    func storyline(id: String) throws -> StorylineState? {
        try store.storyline(id: id).flatMap { StorylineState.decode($0.state) }
    }

    func developmentExists(id: String) throws -> Bool {
        try store.developmentExists(id: id)
    }

    /// The storylines as today's keys file them, for a reader that writes nothing (`explain
    /// --state`): the store's own, or, while a rekey is pending, the rekeyed ones in memory, so
    /// `explain` and the next `scan` agree.
    static func forReading(_ store: Store) throws -> any StorylineRepository {
        guard try store.pendingStorylineRekey() else { return StoredStorylines(store: store) }
        let states = StorylineRekey.rekey(try store.allStorylines().compactMap { StorylineState.decode($0.state) })
        return Rekeyed(store: store, byID: Dictionary(uniqueKeysWithValues: states.map { ($0.id, $0) }))
    }

    /// Rekeyed states held in memory over the store's developments.
    private struct Rekeyed: StorylineRepository {
        let store: Store
        let byID: [String: StorylineState]
        func storyline(id: String) throws -> StorylineState? { byID[id] }
        func developmentExists(id: String) throws -> Bool { try store.developmentExists(id: id) }
    }

    /// The row a storyline's state is kept in.
    static func row(_ state: StorylineState) -> StoredStoryline {
        StoredStoryline(id: state.id, title: state.roots.joined(separator: " – "), actors: state.roots,
                        lastDate: state.lastDate?.description, state: state.encoded())
    }

    /// Files storylines an earlier version wrote under today's keys, once (`StorylineRekey`);
    /// recorded developments keep their ids, so nothing already alerted is alerted again.
    static func rekeyIfPending(_ store: Store, logger: Logger) throws {
        guard try store.pendingStorylineRekey() else { return }
        let old = try store.allStorylines()
        let states = old.compactMap { StorylineState.decode($0.state) }
        if states.count < old.count {
            logger.warning("storylines that cannot be read were dropped while rekeying", metadata: ["count": "\(old.count - states.count)"])
        }
        let rekeyed = StorylineRekey.rekey(states)
        try store.replaceStorylines(with: rekeyed.map(row))
        if !old.isEmpty {
            logger.notice("storylines filed under this version's keys", metadata: ["before": "\(old.count)", "after": "\(rekeyed.count)"])
        }
    }
}
