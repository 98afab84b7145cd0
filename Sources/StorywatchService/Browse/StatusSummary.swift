import Foundation
import StorywatchConfig
import StorywatchStore

/// `storywatch status`: what the state holds, each webhook's deliveries and whether a daemon is
/// alive (from the heartbeat it writes every 30 s). A state `PRAGMA quick_check` finds damaged is
/// no summary: `read` throws `StoreError.damaged`.
package struct StatusSummary: Sendable, Codable, Equatable {
    package var state: String
    package var daemon: DaemonState
    /// "ok": `PRAGMA quick_check` found nothing (a damaged state throws instead).
    package var integrity: String
    package var files: Int
    package var items: Int
    package var storylines: Int
    package var developments: Int
    package var outboxPending: Int
    package var outboxDead: Int
    package var webhooks: [WebhookStatus]

    enum CodingKeys: String, CodingKey {
        case state, daemon, integrity, files, items, storylines, developments, outboxPending = "outbox_pending",
             outboxDead = "outbox_dead", webhooks
    }
}

/// Whether a daemon runs over this state.
package struct DaemonState: Sendable, Codable, Equatable {
    /// "alive", "stopped", "silent" (no heartbeat for 90 s: killed or hung) or "never" (no daemon
    /// ever ran over this state).
    package var state: String
    package var pid: Int32?
    package var heartbeat: Date?
}

/// One webhook's deliveries.
package struct WebhookStatus: Sendable, Codable, Equatable {
    package var name: String
    package var inConfig: Bool
    package var pending: Int
    package var dead: Int
    package var delivered: Int
    package var oldestPending: Date?
    package var lastSuccess: Date?
    package var lastFailure: Date?
    package var lastFailureReason: String?
    /// Why the daemon parks this webhook (its secret unusable), as far as this process can tell;
    /// nil when it delivers.
    package var parked: String?
    /// The dead and the pending rows (`status --pending`, `StatusUseCase.listLimit` of each at
    /// most); nil when not asked for.
    package var deadEntries: [OutboxRow]?
    package var pendingEntries: [OutboxRow]?

    enum CodingKeys: String, CodingKey {
        case name, inConfig = "in_config", pending, dead, delivered, oldestPending = "oldest_pending",
             lastSuccess = "last_success", lastFailure = "last_failure", lastFailureReason = "last_failure_reason", parked,
             deadEntries = "dead_entries", pendingEntries = "pending_entries"
    }
}

/// One outbox row, as `status --pending` lists it.
package struct OutboxRow: Sendable, Codable, Equatable {
    package var id: Int64
    package var developmentID: String
    package var kind: String
    package var attempts: Int
    package var nextAttemptAt: Date
    package var lastError: String?

    enum CodingKeys: String, CodingKey {
        case id, developmentID = "development_id", kind, attempts, nextAttemptAt = "next_attempt_at", lastError = "last_error"
    }
}

extension StatusSummary {
    /// A heartbeat older than this means the daemon is gone or hung.
    static let silentAfter: TimeInterval = 90

    /// Reads the summary; webhooks of the config first, then any others that have rows. Throws
    /// `StoreError.damaged` when `PRAGMA quick_check` finds the state damaged.
    package static func read(store: Store, config: StorywatchConfig, now: Date = Date(),
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StatusSummary {
        try store.verifyIntegrity(directory: config.state)
        let counts = try store.counts()
        let outbox = try store.outboxCountsByWebhook()
        let names = config.webhooks.map(\.name) + outbox.map(\.webhook).filter { name in
            !config.webhooks.contains { $0.name == name }
        }
        var webhooks: [WebhookStatus] = []
        for name in names {
            let c = outbox.first { $0.webhook == name } ?? WebhookOutboxCounts(webhook: name)
            let last = try store.lastDeliveries(webhook: name)
            webhooks.append(WebhookStatus(
                name: name, inConfig: config.webhooks.contains { $0.name == name }, pending: c.pending, dead: c.dead,
                delivered: c.delivered, oldestPending: c.oldestPending, lastSuccess: last.success?.attemptedAt,
                lastFailure: last.failure?.attemptedAt, lastFailureReason: last.failure.map(reason),
                parked: parkReason(config.webhooks.first { $0.name == name }, environment: environment)))
        }
        return StatusSummary(state: config.state, daemon: daemonState(try store.heartbeat(), now: now), integrity: "ok",
                             files: counts.documents,
                             items: counts.items, storylines: counts.storylines, developments: counts.developments,
                             outboxPending: counts.outboxPending, outboxDead: counts.outboxDead, webhooks: webhooks)
    }

    /// Why the daemon parks `hook` (its secret unusable), as far as this process can tell: a
    /// credential is only checked where $CREDENTIALS_DIRECTORY is set (inside the unit).
    static func parkReason(_ hook: WebhookConfig?, environment: [String: String]) -> String? {
        guard let hook else { return nil }
        if case .credential = hook.secret, environment["CREDENTIALS_DIRECTORY"] == nil { return nil }
        return ConfigCheck.secretProblem(hook, environment: environment)
    }

    static func daemonState(_ heartbeat: Heartbeat?, now: Date) -> DaemonState {
        guard let heartbeat else { return DaemonState(state: "never", pid: nil, heartbeat: nil) }
        if heartbeat.pid == 0 { return DaemonState(state: "stopped", pid: nil, heartbeat: heartbeat.at) }
        let silent = now.timeIntervalSince(heartbeat.at) > silentAfter
        return DaemonState(state: silent ? "silent" : "alive", pid: heartbeat.pid, heartbeat: heartbeat.at)
    }

    static func reason(_ attempt: DeliveryLogEntry) -> String {
        switch (attempt.status, attempt.error) {
        case let (status?, error?): "HTTP \(status): \(error)"
        case let (status?, nil): "HTTP \(status)"
        case let (nil, error?): error
        case (nil, nil): "no answer"
        }
    }
}
