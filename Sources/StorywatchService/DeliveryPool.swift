import Foundation
import Logging
import StorywatchDeliver
import StorywatchStore
import Synchronization

/// One delivery worker per webhook, run side by side, so a hung or slow endpoint never delays
/// another's alerts (each has its own queue, fetches and in-flight slots). A webhook whose secret
/// cannot be used — at start, or later (its file deleted, a credential gone; re-checked every
/// `recheckInterval`) — is parked: logged once as an error, shown in STATUS= and `status`, its
/// alerts kept in the outbox, while the others deliver.
package struct DeliveryPool: Sendable {
    /// A webhook that does not deliver, and why (the error names files, never secrets).
    package struct Parked: Sendable, Equatable {
        package var webhook: String
        package var reason: String
    }

    /// The workers, each with its webhook's name.
    package let workers: [(webhook: String, worker: DeliveryWorker)]
    package let parked: [Parked]
    private let logger: Logger
    /// Every worker's idle sleep (the daemon's wakes early when an alert is recorded).
    package var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
    /// Called with every webhook down or parked now, whichever worker's health changed.
    package var onHealthChange: @Sendable (_ down: [String]) -> Void = { _ in }
    /// The state folder, named when its disk is full.
    package var stateDirectory = ""
    /// Why a webhook's secret cannot be used now (read afresh), or nil; nil = never re-checked.
    package var secretProblem: (@Sendable (_ webhook: String) -> String?)?
    /// Waits between two re-checks of a webhook's secret; tests make it a signal.
    package var recheckInterval: @Sendable (_ webhook: String) async throws -> Void = { _ in try await Task.sleep(for: .seconds(30)) }

    package init(workers: [(webhook: String, worker: DeliveryWorker)], parked: [Parked], logger: Logger) {
        self.workers = workers
        self.parked = parked
        self.logger = logger
    }

    /// Runs every worker until `mode` says stop (each on its own) or the task is cancelled.
    package func run(_ mode: DeliveryWorker.Mode) async throws -> DeliveryWorker.Stats {
        let board = HealthBoard(report: onHealthChange)
        for park in parked { self.park(park.webhook, reason: park.reason, board: board) }
        return try await withThrowingTaskGroup(of: DeliveryWorker.Stats.self) { group in
            for (index, (name, var worker)) in workers.enumerated() {
                worker.sleep = sleep
                worker.onHealthChange = { names in board.update(worker: index, down: names) }
                let running = worker
                group.addTask { try await runUntilSecretUnusable(running, webhook: name, mode, board: board) }
            }
            var total = DeliveryWorker.Stats()
            for try await stats in group {
                total.delivered += stats.delivered
                total.retried += stats.retried
                total.parked += stats.parked
            }
            return total
        }
    }

    private func park(_ webhook: String, reason: String, board: HealthBoard) {
        logger.error("webhook parked: \(reason); its alerts stay queued until the secret is fixed and the config reloaded",
                     metadata: ["webhook.name": "\(webhook)"])
        board.park(webhook)
    }

    /// The worker, stopped (requests in flight finished and recorded) when its secret can no
    /// longer be used.
    private func runUntilSecretUnusable(_ worker: DeliveryWorker, webhook: String, _ mode: DeliveryWorker.Mode,
                                        board: HealthBoard) async throws -> DeliveryWorker.Stats {
        guard let secretProblem else { return try await runRetryingWhenDiskFull(worker, mode) }
        let recheckInterval = self.recheckInterval
        enum Ending: Sendable { case ran(DeliveryWorker.Stats), unusable(String), cancelled }
        return try await withThrowingTaskGroup(of: Ending.self) { inner in
            inner.addTask { .ran(try await runRetryingWhenDiskFull(worker, mode)) }
            inner.addTask {
                while true {
                    do { try await recheckInterval(webhook) } catch { return .cancelled } // the worker ended
                    if let reason = secretProblem(webhook) { return .unusable(reason) }
                }
            }
            var stats = DeliveryWorker.Stats()
            for try await ending in inner {
                inner.cancelAll() // the worker finishes its requests in flight, records them, and stops
                switch ending {
                case .ran(let result): stats = result
                case .unusable(let reason): park(webhook, reason: reason, board: board)
                case .cancelled: break
                }
            }
            return stats
        }
    }

    /// A full disk is an error line and a retry after 5 s, 10 s … 5 min; answered but unrecorded
    /// attempts are sent again (at-least-once).
    private func runRetryingWhenDiskFull(_ worker: DeliveryWorker, _ mode: DeliveryWorker.Mode) async throws
        -> DeliveryWorker.Stats {
        var backoff = 5.0
        while true {
            do {
                return try await worker.run(mode)
            } catch {
                guard let full = StoreError.diskFull(error, directory: stateDirectory) else { throw error }
                logger.error("\(full); delivery retries in \(Int(backoff)) s")
                try await Task.sleep(for: .seconds(backoff))
                backoff = min(backoff * 2, 300)
            }
        }
    }
}

/// The webhooks down (per worker) and parked, reported whole on each change.
private final class HealthBoard: Sendable {
    private struct State {
        var down: [Int: [String]] = [:]
        var parked: Set<String> = []
    }

    private let state = Mutex(State())
    private let report: @Sendable ([String]) -> Void

    init(report: @escaping @Sendable ([String]) -> Void) { self.report = report }

    func update(worker: Int, down names: [String]) {
        report(state.withLock { state in
            state.down[worker] = names
            return Self.all(state)
        })
    }

    func park(_ webhook: String) {
        report(state.withLock { state in
            state.parked.insert(webhook)
            return Self.all(state)
        })
    }

    private static func all(_ state: State) -> [String] {
        Set(state.down.values.flatMap { $0 }).union(state.parked).sorted()
    }
}
