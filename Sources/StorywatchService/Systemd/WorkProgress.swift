import Foundation
import Synchronization

/// The units of work the daemon's loops have in hand, and since when: the watchdog's evidence
/// that the daemon makes progress, and `/healthz`'s. Each loop marks a unit's start and end (a
/// document of the pipeline, named by its path; a read or write of the outbox); a loop between
/// units is idle, and idle is healthy.
package final class WorkProgress: Sendable {
    private struct Unit {
        var start: ContinuousClock.Instant
        /// A document's path; nil for the deliverer's and housekeeping's units.
        var label: String?
    }

    private struct State {
        var started: [Int: Unit] = [:]
        var nextID = 0
        var lastDocumentAt: Date?
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> ContinuousClock.Instant
    private let wallClock: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
                 wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        self.wallClock = wallClock
    }

    /// Runs `work` as one unit; `label` names a document (`/healthz` says which one stalls).
    package func unit<T, E: Error>(_ label: String? = nil, _ work: () throws(E) -> T) throws(E) -> T {
        let id = begin(label)
        defer { end(id) }
        return try work()
    }

    /// Marks the start of a unit; give the answer to `end`.
    package func begin(_ label: String? = nil) -> Int {
        let start = now()
        return state.withLock { state in
            defer { state.nextID += 1 }
            state.started[state.nextID] = Unit(start: start, label: label)
            return state.nextID
        }
    }

    package func end(_ id: Int) {
        let at = wallClock()
        state.withLock { state in
            if state.started.removeValue(forKey: id)?.label != nil { state.lastDocumentAt = at }
        }
    }

    /// A whole pass over the corpus ended (a scan, even with nothing to read).
    package func passEnded() {
        let at = wallClock()
        state.withLock { $0.lastDocumentAt = at }
    }

    /// How long the oldest unit in hand has run; nil when every loop is idle.
    package func longestRunning() -> Duration? {
        oldest()?.running
    }

    /// The oldest unit in hand: its label and how long it has run; nil when every loop is idle.
    package func oldest() -> (label: String?, running: Duration)? {
        let unit = state.withLock { $0.started.values.min { $0.start < $1.start } }
        return unit.map { ($0.label, now() - $0.start) }
    }

    /// When the pipeline last finished a document or a pass: the last scan time of /metrics.
    package var lastDocumentAt: Date? { state.withLock { $0.lastDocumentAt } }
}
