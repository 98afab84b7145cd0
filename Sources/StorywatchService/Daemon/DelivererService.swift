import Foundation
import Logging
import ServiceLifecycle
import StorywatchConfig
import StorywatchDeliver

/// The delivery pool (`DeliveryPool`: one worker per webhook, a webhook with an unusable secret
/// parked) over the current webhooks, restarted when a reload applies; at graceful shutdown the
/// requests in flight are finished and recorded, the rest stays in the outbox.
struct DelivererService: Service {
    let context: DaemonContext

    func run() async throws {
        try await cancelWhenGracefulShutdown { [context] in try await context.delivery() }
    }
}

extension DaemonContext {
    /// Runs the delivery pool over the current webhooks; restarts it when a reload applies.
    func delivery() async throws {
        try await CurlTransport.with { transport in
            while !Task.isCancelled {
                let snapshot = current.snapshot
                guard !snapshot.config.webhooks.isEmpty else {
                    await current.changed(after: snapshot.generation)
                    continue
                }
                // A webhook with an unusable secret is parked inside; the others deliver.
                var worker = DeliveryService.worker(config: snapshot.config, store: store, transport: transport,
                                                    logger: logger, environment: environment, progress: progress)
                let nudge = self.nudge
                let health = self.health
                worker.sleep = { seconds in try await nudge.sleep(seconds: seconds) }
                worker.onHealthChange = { down in health.update(downNow: down) }
                let current = self.current
                let running = worker
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // New alerts of this process nudge the worker at once; the poll only picks up
                    // rows another process queued (`redeliver`), so it can be slow.
                    group.addTask { _ = try await running.run(.forever(pollInterval: 30)) }
                    group.addTask { await current.changed(after: snapshot.generation) }
                    try await group.next()
                    group.cancelAll()
                    try await group.waitForAll()
                }
            }
        }
    }
}
