import Foundation
import StorywatchConfig
import StorywatchExtract
import Synchronization

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

/// The running configuration and what is built from it; replaced as a whole by a valid reload.
struct DaemonSnapshot: Sendable {
    var config: StorywatchConfig
    var extractor: Extractor
    /// Incremented by each applied reload.
    var generation: Int
}

/// Holds the current snapshot; the pipeline reads it per event, the delivery loop waits for a
/// new generation to restart its worker with the new webhooks.
final class CurrentConfig: Sendable {
    private let current: WaitList<DaemonSnapshot>

    init(_ snapshot: DaemonSnapshot) {
        current = WaitList(snapshot)
    }

    var snapshot: DaemonSnapshot { current.value }

    func replace(config: StorywatchConfig, extractor: Extractor) {
        current.update { snapshot, _ in
            snapshot = DaemonSnapshot(config: config, extractor: extractor, generation: snapshot.generation + 1)
        }
    }

    /// Returns once the generation is past `generation`, or when the task is cancelled.
    func changed(after generation: Int) async {
        await current.wait { $0.generation > generation }
    }
}

/// Webhooks currently failing and since when, for STATUS= lines.
final class WebhookHealth: Sendable {
    private let down = Mutex<[String: Date]>([:])

    func update(downNow names: [String], now: Date = Date()) {
        down.withLock { down in
            down = down.filter { names.contains($0.key) }
            for name in names where down[name] == nil { down[name] = now }
        }
    }

    var failing: [(name: String, since: Date)] {
        down.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
