import Foundation
import StorywatchConfig
import StorywatchStore

/// `storywatch status`: whether a daemon is alive, what the state holds, each webhook's
/// deliveries and whether it is parked (design §4), as a `StatusSummary`.
package enum StatusUseCase {
    /// Rows listed per webhook and state with `listing`; `status` says how many more there are.
    package static let listLimit = 20

    /// Throws `ConfigError`, `BrowseError.noState` (no state there: none is created),
    /// `StoreError` (`.damaged` when `PRAGMA quick_check` finds damage: a summary is returned only
    /// for a state that passes it). With `listing`, each webhook's dead and pending rows are
    /// listed, `listLimit` of each at most.
    package static func run(_ request: ConfigRequest, listing: Bool = false, now: Date = Date()) throws -> StatusSummary {
        let (config, store) = try BrowseState.open(request)
        var summary = try StatusSummary.read(store: store, config: config, now: now, environment: request.environment)
        if listing {
            for index in summary.webhooks.indices {
                let name = summary.webhooks[index].name
                summary.webhooks[index].deadEntries = try entries(store, .dead, webhook: name)
                summary.webhooks[index].pendingEntries = try entries(store, .pending, webhook: name)
            }
        }
        return summary
    }

    private static func entries(_ store: Store, _ state: OutboxState, webhook: String) throws -> [OutboxRow] {
        try store.outboxEntries(state: state, webhook: webhook, limit: listLimit).map { entry in
            OutboxRow(id: entry.id, developmentID: entry.developmentID, kind: entry.kind, attempts: entry.attempts,
                      nextAttemptAt: entry.nextAttemptAt, lastError: entry.lastError)
        }
    }
}
