import Logging
import StorywatchConfig
import StorywatchDeliver
import StorywatchStore

/// `storywatch deliver`: the outbox sent to the webhooks, once or until cancelled.
package enum DeliverUseCase {
    package struct Counts: Sendable {
        package var delivered: Int
        package var retried: Int
        package var parked: Int
    }

    /// `lingerSeconds`: with nil, runs until the task is cancelled, picking up new alerts;
    /// otherwise returns when nothing is due within that many seconds. Holds the state's
    /// `deliver.lock` meanwhile (a running daemon delivers itself). Throws `CommandFailure`
    /// when the config names no webhook, `DeliveryError`, `StoreError` (`.locked`: another
    /// process delivers from this state), `ConfigError`. A webhook whose secret cannot be used
    /// is parked; the others deliver.
    package static func run(lingerSeconds: Double?, request: ConfigRequest, logger: Logger) async throws -> Counts {
        let config = try request.load()
        guard !config.webhooks.isEmpty else { throw CommandFailure("no [[webhook]] in the config: nothing to deliver to") }
        let lock = try StateLock.acquire(directory: config.state)
        defer { withExtendedLifetime(lock) {} }
        let store = try Store.open(directory: config.state)
        let stats = try await CurlTransport.with { transport in
            let worker = DeliveryService.worker(config: config, store: store, transport: transport, logger: logger,
                                                environment: request.environment)
            return try await worker.run(lingerSeconds.map { .drain(linger: max(0, $0)) } ?? .forever(pollInterval: 1))
        }
        return Counts(delivered: stats.delivered, retried: stats.retried, parked: stats.parked)
    }
}
