import Synchronization

/// The units of work the daemon's loops have in hand, and since when: the watchdog's evidence
/// that the daemon makes progress. Each loop marks a unit's start and end (a document of the
/// pipeline, a read or write of the outbox); a loop between units is idle, and idle is healthy.
package final class WorkProgress: Sendable {
    private struct State {
        var started: [Int: ContinuousClock.Instant] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> ContinuousClock.Instant

    package init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.now = now
    }

    /// Runs `work` as one unit.
    package func unit<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> T {
        let id = begin()
        defer { end(id) }
        return try work()
    }

    /// Marks the start of a unit; give the answer to `end`.
    package func begin() -> Int {
        let start = now()
        return state.withLock { state in
            defer { state.nextID += 1 }
            state.started[state.nextID] = start
            return state.nextID
        }
    }

    package func end(_ id: Int) {
        _ = state.withLock { $0.started.removeValue(forKey: id) }
    }

    /// How long the oldest unit in hand has run; nil when every loop is idle.
    package func longestRunning() -> Duration? {
        let oldest = state.withLock { $0.started.values.min() }
        return oldest.map { now() - $0 }
    }
}
