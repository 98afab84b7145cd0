import Foundation
import GRDB
import StorywatchModel

/// An outbox row's state.
package enum OutboxState: String, Sendable, CaseIterable {
    case pending, delivered, dead
}

/// One outbox row (one alert for one webhook), with what status and the worker need.
package struct OutboxEntry: Sendable, Equatable {
    package var id: Int64
    package var developmentID: String
    package var webhook: String
    package var state: OutboxState
    package var attempts: Int
    package var nextAttemptAt: Date
    package var createdAt: Date
    package var lastStatus: Int?
    package var lastError: String?
    package var kind: String
    package var summary: String
    /// The CloudEvents JSON; loaded only by `dueOutbox`.
    package var alert: Data?
}

/// One row of the delivery log.
package struct DeliveryLogEntry: Sendable, Equatable {
    package var attemptedAt: Date
    package var status: Int?
    package var error: String?
    package var durationMs: Double?

    package init(attemptedAt: Date, status: Int?, error: String?, durationMs: Double?) {
        self.attemptedAt = attemptedAt
        self.status = status
        self.error = error
        self.durationMs = durationMs
    }
}

/// Outbox depth of one webhook, for `status`.
package struct WebhookOutboxCounts: Sendable, Equatable {
    package var webhook: String
    package var pending = 0
    package var delivered = 0
    package var dead = 0
    package var oldestPending: Date?

    package init(webhook: String, pending: Int = 0, delivered: Int = 0, dead: Int = 0, oldestPending: Date? = nil) {
        self.webhook = webhook
        self.pending = pending
        self.delivered = delivered
        self.dead = dead
        self.oldestPending = oldestPending
    }
}

/// Which rows `redeliver` queues again.
package enum RedeliverSelection: Sendable, Equatable {
    /// Outbox row ids, or development ids (all their rows; with a webhook, that webhook's row,
    /// created when the development was never queued for it).
    case ids([String])
    case dead
}

extension Store {
    private static let entryColumns = """
        o.id, o.development_id, o.webhook, o.state, o.attempts, o.next_attempt_at, o.created_at,
        o.last_status, o.last_error, d.kind, d.summary
        """

    /// Pending rows of `webhook` due at `now`, oldest due first, skipping `excluding`, with their alert.
    package func dueOutbox(webhook: String, now: Date, excluding: Set<Int64> = [], limit: Int) throws -> [OutboxEntry] {
        try writer.read { db in
            let skip = excluding.isEmpty ? "" : "AND o.id NOT IN (\(Array(repeating: "?", count: excluding.count).joined(separator: ",")))"
            var arguments: StatementArguments = [webhook, now.timeIntervalSince1970]
            arguments += StatementArguments(excluding.map { $0 })
            arguments += [limit]
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.entryColumns), d.alert FROM outbox o JOIN development d ON d.id = o.development_id
                WHERE o.state = 'pending' AND o.webhook = ? AND o.next_attempt_at <= ? \(skip)
                ORDER BY o.next_attempt_at, o.id LIMIT ?
                """, arguments: arguments).map { row in
                var entry = Self.outboxEntry(row)
                entry.alert = row["alert"]
                return entry
            }
        }
    }

    /// The earliest next attempt among pending rows of `webhooks`, nil when none is pending.
    package func nextOutboxAttempt(webhooks: [String]) throws -> Date? {
        guard !webhooks.isEmpty else { return nil }
        return try writer.read { db in
            let marks = Array(repeating: "?", count: webhooks.count).joined(separator: ",")
            return try Double.fetchOne(db, sql: """
                SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' AND webhook IN (\(marks))
                """, arguments: StatementArguments(webhooks)).map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Records attempts in one transaction: a delivery row each, and the row's new state.
    package func recordOutboxAttempts(_ attempts: [DeliveryAttempt]) throws {
        guard !attempts.isEmpty else { return }
        try writer.write { db in
            let log = try db.cachedStatement(sql: """
                INSERT INTO delivery (outbox_id, attempted_at, status, error, duration_ms) VALUES (?, ?, ?, ?, ?)
                """)
            let update = try db.cachedStatement(sql: """
                UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?
                WHERE id = ? AND state = 'pending'
                """)
            for a in attempts {
                try log.execute(arguments: [a.outboxID, a.attemptedAt.timeIntervalSince1970, a.status, a.error, a.durationMs])
                let (state, next): (OutboxState, Date) = switch a.next {
                case .delivered: (.delivered, a.attemptedAt)
                case .retry(let at): (.pending, at)
                case .dead: (.dead, a.attemptedAt)
                }
                try update.execute(arguments: [state.rawValue, next.timeIntervalSince1970, a.status, a.error, a.outboxID])
            }
        }
    }

    /// Pending, delivered and dead counts per webhook (every webhook with a row), by name.
    package func outboxCountsByWebhook() throws -> [WebhookOutboxCounts] {
        try writer.read { db in
            var byName: [String: WebhookOutboxCounts] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT webhook, state, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox GROUP BY webhook, state
                """)
            for row in rows {
                let name: String = row["webhook"]
                var counts = byName[name] ?? WebhookOutboxCounts(webhook: name)
                let n: Int = row["n"]
                switch OutboxState(rawValue: row["state"]) {
                case .pending:
                    counts.pending = n
                    counts.oldestPending = (row["oldest"] as Double?).map { Date(timeIntervalSince1970: $0) }
                case .delivered: counts.delivered = n
                case .dead: counts.dead = n
                case nil: break
                }
                byName[name] = counts
            }
            return byName.keys.sorted().compactMap { byName[$0] }
        }
    }

    /// Rows in `state` (of `webhook` when given), oldest first, at most `limit`.
    package func outboxEntries(state: OutboxState, webhook: String? = nil, limit: Int = 100) throws -> [OutboxEntry] {
        try writer.read { db in
            var arguments: StatementArguments = [state.rawValue]
            var filter = ""
            if let webhook {
                filter = "AND o.webhook = ?"
                arguments += [webhook]
            }
            arguments += [limit]
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.entryColumns) FROM outbox o JOIN development d ON d.id = o.development_id
                WHERE o.state = ? \(filter) ORDER BY o.id LIMIT ?
                """, arguments: arguments).map(Self.outboxEntry)
        }
    }

    /// One row by id.
    package func outboxEntry(id: Int64) throws -> OutboxEntry? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(Self.entryColumns) FROM outbox o JOIN development d ON d.id = o.development_id WHERE o.id = ?
                """, arguments: [id]).map(Self.outboxEntry)
        }
    }

    /// The attempts made for an outbox row, oldest first.
    package func deliveryLog(outboxID: Int64) throws -> [DeliveryLogEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT attempted_at, status, error, duration_ms FROM delivery WHERE outbox_id = ? ORDER BY id
                """, arguments: [outboxID]).map { row in
                DeliveryLogEntry(attemptedAt: Date(timeIntervalSince1970: row["attempted_at"]), status: row["status"],
                                 error: row["error"], durationMs: row["duration_ms"])
            }
        }
    }

    /// Queues rows again (design §4 `redeliver`): pending, due now, attempts 0 and a fresh retry
    /// window. Returns the number of rows queued. Ids that match nothing are ignored.
    @discardableResult
    package func requeueOutbox(_ selection: RedeliverSelection, webhook: String? = nil, now: Date = Date()) throws -> Int {
        try writer.write { db in
            let t = now.timeIntervalSince1970
            let set = "SET state = 'pending', attempts = 0, next_attempt_at = ?, created_at = ?"
            let hookFilter = webhook == nil ? "" : " AND webhook = ?"
            let hookArgs: StatementArguments = webhook.map { [$0] } ?? []
            switch selection {
            case .dead:
                try db.execute(sql: "UPDATE outbox \(set) WHERE state = 'dead'\(hookFilter)",
                               arguments: [t, t] + hookArgs)
                return db.changesCount
            case .ids(let ids):
                var total = 0
                for id in ids {
                    if let number = Int64(id) {
                        try db.execute(sql: "UPDATE outbox \(set) WHERE id = ?\(hookFilter)", arguments: [t, t, number] + hookArgs)
                        total += db.changesCount
                        continue
                    }
                    if let webhook, try Bool.fetchOne(db, sql: "SELECT 1 FROM development WHERE id = ?", arguments: [id]) == true {
                        try db.execute(sql: """
                            INSERT OR IGNORE INTO outbox (development_id, webhook, next_attempt_at, created_at) VALUES (?, ?, ?, ?)
                            """, arguments: [id, webhook, t, t])
                    }
                    try db.execute(sql: "UPDATE outbox \(set) WHERE development_id = ?\(hookFilter)",
                                   arguments: [t, t, id] + hookArgs)
                    total += db.changesCount
                }
                return total
            }
        }
    }

    private static func outboxEntry(_ row: Row) -> OutboxEntry {
        OutboxEntry(id: row["id"], developmentID: row["development_id"], webhook: row["webhook"],
                    state: OutboxState(rawValue: row["state"]) ?? .pending, attempts: row["attempts"],
                    nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
                    createdAt: Date(timeIntervalSince1970: row["created_at"]), lastStatus: row["last_status"],
                    lastError: row["last_error"], kind: row["kind"], summary: row["summary"], alert: nil)
    }
}
