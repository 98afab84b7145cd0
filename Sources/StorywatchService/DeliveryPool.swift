import Foundation
import Logging
import StorywatchDeliver
import StorywatchStore
import Synchronization

/// One delivery worker per webhook, run side by side, so a hung or slow endpoint never delays
/// another's alerts (each has its own queue, fetches and in-flight slots). A webhook whose secret
/// cannot be used is parked: logged once as an error, shown in STATUS= and `status`, its alerts
/// kept in the outbox, while the others deliver.
package struct DeliveryPool: Sendable {
    /// A webhook that does not deliver, and why (the error names files, never secrets).
    package struct Parked: Sendable, Equatable {
        package var webhook: String
        package var reason: String
    }

    package let workers: [DeliveryWorker]
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

    package init(workers: [DeliveryWorker], parked: [Parked], logger: Logger) {
        self.workers = workers
        self.parked = parked
        self.logger = logger
    }

    /// Runs every worker until `mode` says stop (each on its own) or the task is cancelled.
    package func run(_ mode: DeliveryWorker.Mode) async throws -> DeliveryWorker.Stats {
        for park in parked {
            logger.error("webhook parked: \(park.reason); its alerts stay queued until the secret is fixed and the config reloaded",
                         metadata: ["webhook.name": "\(park.webhook)"])
        }
        let parkedNames = parked.map(\.webhook)
        if !parkedNames.isEmpty { onHealthChange(parkedNames.sorted()) }
        let down = Mutex<[Int: [String]]>([:])
        let report = onHealthChange
        return try await withThrowingTaskGroup(of: DeliveryWorker.Stats.self) { group in
            for (index, var worker) in workers.enumerated() {
                worker.sleep = sleep
                worker.onHealthChange = { names in
                    let all = down.withLock { down in
                        down[index] = names
                        return down.values.flatMap { $0 }
                    }
                    report((all + parkedNames).sorted())
                }
                let running = worker
                group.addTask { try await runRetryingWhenDiskFull(running, mode) }
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
