import Foundation
import StorywatchConfig
import StorywatchStore

/// `storywatch status`: what the state holds, and the outbox of each webhook (design §4).
package enum StatusUseCase {
    package struct Report: Sendable {
        package var state: String
        package var documents: Int
        package var items: Int
        package var storylines: Int
        package var developments: Int
        package var outboxPending: Int
        package var outboxDead: Int
        /// The config's webhooks in order, then those only the outbox names.
        package var webhooks: [WebhookReport]
    }

    package struct WebhookReport: Sendable {
        package var name: String
        package var inConfig: Bool
        package var pending: Int
        package var dead: Int
        package var delivered: Int
        /// Why the daemon parks it (its secret unusable), as far as this process can tell.
        package var parked: String?
        package var deadEntries: [Entry]
        package var pendingEntries: [Entry]
    }

    /// One outbox row.
    package struct Entry: Sendable {
        package var id: Int64
        package var developmentID: String
        package var kind: String
        package var attempts: Int
        package var nextAttemptAt: Date
        package var lastError: String?
    }

    /// Rows listed per webhook and state; `status` says how many more there are.
    package static let listLimit = 20

    /// Throws `ConfigError`, `StoreError` (`.damaged` when `PRAGMA quick_check` finds damage:
    /// a report is returned only for a state that passes it).
    package static func run(_ request: ConfigRequest) throws -> Report {
        let config = try request.load()
        let store = try Store.open(directory: config.state)
        let damage = try store.integrityProblems()
        if !damage.isEmpty { throw StoreError.damaged(path: config.state + "/state.sqlite", problems: damage) }
        let counts = try store.counts()
        let byWebhook = try store.outboxCountsByWebhook()
        let names = config.webhooks.map(\.name) + byWebhook.map(\.webhook).filter { name in
            !config.webhooks.contains { $0.name == name }
        }
        let webhooks = try names.map { name in
            let c = byWebhook.first { $0.webhook == name } ?? WebhookOutboxCounts(webhook: name)
            return WebhookReport(name: name, inConfig: config.webhooks.contains { $0.name == name },
                                 pending: c.pending, dead: c.dead, delivered: c.delivered,
                                 parked: parkReason(config.webhooks.first { $0.name == name }, environment: request.environment),
                                 deadEntries: try entries(store, .dead, webhook: name),
                                 pendingEntries: try entries(store, .pending, webhook: name))
        }
        return Report(state: config.state, documents: counts.documents, items: counts.items, storylines: counts.storylines,
                      developments: counts.developments, outboxPending: counts.outboxPending,
                      outboxDead: counts.outboxDead, webhooks: webhooks)
    }

    /// Why the daemon parks `hook` (its secret unusable), as far as this process can tell: a
    /// credential is only checked where $CREDENTIALS_DIRECTORY is set (inside the unit).
    private static func parkReason(_ hook: WebhookConfig?, environment: [String: String]) -> String? {
        guard let hook else { return nil }
        if case .credential = hook.secret, environment["CREDENTIALS_DIRECTORY"] == nil { return nil }
        return ConfigCheck.secretProblem(hook, environment: environment)
    }

    private static func entries(_ store: Store, _ state: OutboxState, webhook: String) throws -> [Entry] {
        try store.outboxEntries(state: state, webhook: webhook, limit: listLimit).map { entry in
            Entry(id: entry.id, developmentID: entry.developmentID, kind: entry.kind, attempts: entry.attempts,
                  nextAttemptAt: entry.nextAttemptAt, lastError: entry.lastError)
        }
    }
}
