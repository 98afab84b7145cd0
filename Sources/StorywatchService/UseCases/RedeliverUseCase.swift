import StorywatchConfig
import StorywatchStore

/// `storywatch redeliver`: dead or past deliveries queued again.
package enum RedeliverUseCase {
    /// Outbox row numbers or alert ids, or every dead delivery; `webhook` narrows the rows, or
    /// names the webhook an alert id is queued for. Returns how many rows were queued. Throws
    /// `CommandFailure` for a webhook the config does not name, `ConfigError`, `StoreError`.
    package static func run(ids: [String], dead: Bool, webhook: String?, request: ConfigRequest) throws -> Int {
        let config = try request.load()
        if let webhook, !config.webhooks.isEmpty, !config.webhooks.contains(where: { $0.name == webhook }) {
            throw CommandFailure("no webhook named \(webhook) in the config")
        }
        let store = try Store.open(directory: config.state)
        return try store.requeueOutbox(dead ? .dead : .ids(ids), webhook: webhook)
    }
}
