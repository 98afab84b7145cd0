import Foundation
import Synchronization

/// Time a test moves by hand, for code that takes `now` and `sleep` as closures (the delivery
/// worker): a sleeper wakes when `advance` passes its deadline, or at once when the clock
/// `advancesOnSleep` (a drain with retries then runs in no real time). Sleeps throw
/// `CancellationError` when their task is cancelled.
package final class TestClock: Sendable {
    private struct State {
        var now: Date
        var sleepers: [UUID: (deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = [:]
        var sleeperWatchers: [UUID: CheckedContinuation<Void, Never>] = [:]
    }

    private let state: Mutex<State>
    private let advancesOnSleep: Bool
    /// Where the clock started, as a date and as an instant.
    private let start: Date
    private let startInstant = ContinuousClock.now

    package init(now: Date = Date(), advancesOnSleep: Bool = false) {
        state = Mutex(State(now: now))
        start = now
        self.advancesOnSleep = advancesOnSleep
    }

    package var now: Date { state.withLock { $0.now } }

    /// `now` as a `ContinuousClock` instant, for code that measures durations.
    package var instant: ContinuousClock.Instant {
        startInstant + .nanoseconds(Int64((now.timeIntervalSince(start) * 1e9).rounded()))
    }

    /// How many tasks are asleep on this clock.
    package var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Suspends until the clock reaches now + `seconds`.
    package func sleep(seconds: Double) async throws {
        if advancesOnSleep {
            state.withLock { $0.now = max($0.now, $0.now.addingTimeInterval(max(0, seconds))) }
            await Task.yield()
            try Task.checkCancellation()
            return
        }
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (wake, watchers) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                    let deadline = state.now.addingTimeInterval(max(0, seconds))
                    if Task.isCancelled || deadline <= state.now { return (true, []) }
                    state.sleepers[id] = (deadline, continuation)
                    defer { state.sleeperWatchers.removeAll() }
                    return (false, Array(state.sleeperWatchers.values))
                }
                for watcher in watchers { watcher.resume() }
                if wake { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }

    /// `sleep(seconds:)` for a `Duration`.
    package func sleep(for duration: Duration) async throws {
        try await sleep(seconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// Moves the clock forward and wakes the sleepers whose deadline it reached.
    package func advance(by seconds: Double) {
        let due = state.withLock { state in
            state.now = state.now.addingTimeInterval(seconds)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for sleeper in due { sleeper.resume() }
    }

    /// Returns once some task is asleep on the clock (at once if one is), or when cancelled.
    package func waitForSleeper() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state in
                    if !state.sleepers.isEmpty || Task.isCancelled { return true }
                    state.sleeperWatchers[id] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleeperWatchers.removeValue(forKey: id) }?.resume()
        }
    }

    /// Waits for a sleeper, then moves the clock to the earliest deadline, waking it.
    package func advanceToNextDeadline() async {
        await waitForSleeper()
        let next = state.withLock { state in state.sleepers.values.map(\.deadline).min().map { $0.timeIntervalSince(state.now) } }
        if let next { advance(by: max(0, next)) }
    }
}
