/// Wakes the delivery worker's idle sleep the moment the pipeline records an alert, so a
/// development reaches its webhook without waiting for the outbox poll. `IdleHousekeeping` uses
/// another one to hear of activity.
final class Nudge: Sendable {
    /// A signal nobody was waiting for, kept for the next sleeper.
    private let pending = WaitList(false)

    /// Wakes every sleeper, or the next one to sleep when none is asleep.
    func signal() {
        pending.update { pending, anyoneWaiting in if !anyoneWaiting { pending = true } }
    }

    /// Sleeps up to `seconds`, returning early on `signal()`; throws CancellationError when the
    /// task is cancelled (the worker then stops).
    func sleep(seconds: Double) async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000)) }
            group.addTask { await self.waitForSignal() }
            await group.next()
            group.cancelAll()
        }
        try Task.checkCancellation()
    }

    /// Waits for `signal()` with no timer; throws CancellationError when the task is cancelled.
    func wait() async throws {
        await waitForSignal()
        try Task.checkCancellation()
    }

    private func waitForSignal() async {
        await pending.wait { pending in
            defer { pending = false }
            return pending
        }
    }
}
