import Foundation
import GRDB
import StorywatchModel

/// A recorded development as `show`, `storylines` and the report read it.
package struct StoredDevelopment: Sendable, Equatable {
    package var id: String
    package var kind: String
    package var storylineID: String
    package var document: String
    package var summary: String
    /// The CloudEvents JSON it was queued with.
    package var alert: Data
    package var createdAt: Date
}

/// How many developments a storyline has and its latest.
package struct StorylineTurns: Sendable, Equatable {
    package var count: Int
    package var lastKind: String
    package var lastAt: Date
}

/// A muted storyline (`storywatch mute`).
package struct StoredMute: Sendable, Equatable {
    package var storylineID: String
    /// Muted through this day; nil for good.
    package var until: Day?
    package var createdAt: Date

    /// Whether the mute still holds on `day`.
    package func holds(on day: Day) -> Bool { until.map { day <= $0 } ?? true }
}

/// What the daemon last wrote about itself.
package struct Heartbeat: Sendable, Equatable {
    /// 0 once the daemon has stopped.
    package var pid: Int32
    package var at: Date

    package init(pid: Int32, at: Date) {
        self.pid = pid
        self.at = at
    }
}

extension Store {
    private static let developmentColumns = "id, kind, storyline_id, document, summary, alert, created_at"

    /// One development by id.
    package func development(id: String) throws -> StoredDevelopment? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.developmentColumns) FROM development WHERE id = ?",
                             arguments: [id]).map(Self.storedDevelopment)
        }
    }

    /// The developments of a storyline, in the order they were recorded.
    package func developments(storylineID: String) throws -> [StoredDevelopment] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.developmentColumns) FROM development WHERE storyline_id = ? ORDER BY created_at, rowid
                """, arguments: [storylineID]).map(Self.storedDevelopment)
        }
    }

    /// Every development recorded at or after `since` (all when nil), oldest first.
    package func developments(since: Date?) throws -> [StoredDevelopment] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.developmentColumns) FROM development WHERE created_at >= ? ORDER BY created_at, rowid
                """, arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude]).map(Self.storedDevelopment)
        }
    }

    /// Development counts and the latest kind per storyline id, in one query.
    package func turnsByStoryline() throws -> [String: StorylineTurns] {
        try writer.read { db in
            var result: [String: StorylineTurns] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT storyline_id, kind, created_at FROM development ORDER BY created_at, rowid
                """)
            while let row = try rows.next() {
                let id: String = row["storyline_id"]
                let count = (result[id]?.count ?? 0) + 1
                result[id] = StorylineTurns(count: count, lastKind: row["kind"],
                                            lastAt: Date(timeIntervalSince1970: row["created_at"]))
            }
            return result
        }
    }

    /// Development counts by kind, for /metrics.
    package func developmentCountsByKind() throws -> [String: Int] {
        try writer.read { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM development GROUP BY kind") {
                result[row["kind"]] = row["n"]
            }
            return result
        }
    }

    /// The webhook of each of these outbox rows, for delivery metrics.
    package func webhooks(outboxIDs: [Int64]) throws -> [Int64: String] {
        try writer.read { db in
            let marks = Array(repeating: "?", count: outboxIDs.count).joined(separator: ",")
            var result: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, webhook FROM outbox WHERE id IN (\(marks))",
                                        arguments: StatementArguments(outboxIDs)) {
                result[row["id"]] = row["webhook"]
            }
            return result
        }
    }

    // MARK: Mutes

    /// Mutes a storyline through `until` (for good when nil), replacing an earlier mute.
    package func mute(storylineID: String, until: Day?, now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO mute (storyline_id, until, created_at) VALUES (?, ?, ?)
                ON CONFLICT(storyline_id) DO UPDATE SET until = excluded.until, created_at = excluded.created_at
                """, arguments: [storylineID, until?.description, now.timeIntervalSince1970])
        }
    }

    /// Lifts a mute; returns whether there was one.
    @discardableResult
    package func unmute(storylineID: String) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM mute WHERE storyline_id = ?", arguments: [storylineID])
            return db.changesCount > 0
        }
    }

    /// Whether `storyline_id` is muted on `day` (inside the recording transaction).
    static func isMuted(_ db: Database, storylineID: String, on day: Day) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM mute WHERE storyline_id = ? AND (until IS NULL OR until >= ?)",
                          arguments: [storylineID, day.description]) ?? false
    }

    /// Every recorded mute, expired ones included, by storyline id.
    package func mutes() throws -> [String: StoredMute] {
        try writer.read { db in
            var result: [String: StoredMute] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT storyline_id, until, created_at FROM mute") {
                let mute = StoredMute(storylineID: row["storyline_id"], until: (row["until"] as String?).flatMap(Day.init(iso:)),
                                      createdAt: Date(timeIntervalSince1970: row["created_at"]))
                result[mute.storylineID] = mute
            }
            return result
        }
    }

    // MARK: Deliveries

    /// The latest successful attempt (2xx) to `webhook`, and the latest failed one with its reason.
    package func lastDeliveries(webhook: String) throws -> (success: DeliveryLogEntry?, failure: DeliveryLogEntry?) {
        try writer.read { db in
            func last(_ condition: String) throws -> DeliveryLogEntry? {
                try Row.fetchOne(db, sql: """
                    SELECT d.attempted_at, d.status, d.error, d.duration_ms FROM delivery d JOIN outbox o ON o.id = d.outbox_id
                    WHERE o.webhook = ? AND \(condition) ORDER BY d.id DESC LIMIT 1
                    """, arguments: [webhook]).map { row in
                    DeliveryLogEntry(attemptedAt: Date(timeIntervalSince1970: row["attempted_at"]), status: row["status"],
                                     error: row["error"], durationMs: row["duration_ms"])
                }
            }
            let ok = "d.status BETWEEN 200 AND 299 AND d.error IS NULL"
            return (try last(ok), try last("NOT (\(ok))"))
        }
    }

    // MARK: Heartbeat

    /// Records that the daemon `pid` is alive at `now`.
    package func writeHeartbeat(pid: Int32, now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('heartbeat', ?)",
                           arguments: ["\(pid) \(now.timeIntervalSince1970)"])
        }
    }

    /// The daemon's last heartbeat; nil when no daemon ever wrote one.
    package func heartbeat() throws -> Heartbeat? {
        try writer.read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'heartbeat'") else { return nil }
            let parts = text.split(separator: " ")
            guard parts.count == 2, let pid = Int32(parts[0]), let at = Double(parts[1]) else { return nil }
            return Heartbeat(pid: pid, at: Date(timeIntervalSince1970: at))
        }
    }

    private static func storedDevelopment(_ row: Row) -> StoredDevelopment {
        StoredDevelopment(id: row["id"], kind: row["kind"], storylineID: row["storyline_id"], document: row["document"],
                          summary: row["summary"], alert: row["alert"], createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
