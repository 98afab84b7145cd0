import Foundation
import GRDB
import StorywatchModel
import StorywatchStore
import StorywatchTesting
import Testing

/// `retain_days` pruning and `storywatch backup`.
struct StoreUpkeepTests {
    static let day = 86_400.0

    @Test func pruneDelivered_removesOnlyDeliveredRowsLastTriedBeforeTheCutoff() throws {
        // Given four alerts: delivered 40 days ago, delivered yesterday, dead 40 days ago, pending
        let now = Date()
        let store = try Fixtures.store(developments: 4, now: now.addingTimeInterval(-41 * Self.day))
        let rows = try store.outboxEntries(state: .pending)
        let old = now.addingTimeInterval(-40 * Self.day)
        try store.recordOutboxAttempts([
            DeliveryAttempt(outboxID: rows[0].id, attemptedAt: old, status: 200, error: nil, durationMs: 1, next: .delivered),
            DeliveryAttempt(outboxID: rows[1].id, attemptedAt: now.addingTimeInterval(-Self.day), status: 200, error: nil,
                            durationMs: 1, next: .delivered),
            DeliveryAttempt(outboxID: rows[2].id, attemptedAt: old, status: 410, error: "HTTP 410", durationMs: 1, next: .dead),
        ])

        // When rows older than 30 days are pruned
        let pruned = try store.pruneDelivered(before: now.addingTimeInterval(-30 * Self.day))

        // Then only the old delivered row (and its attempt) went; the developments stay
        #expect(pruned == 1)
        #expect(try store.outboxEntry(id: rows[0].id) == nil)
        #expect(try store.deliveryLog(outboxID: rows[0].id).isEmpty)
        #expect(try store.outboxEntry(id: rows[1].id) != nil)
        #expect(try store.outboxEntries(state: .dead).count == 1)
        #expect(try store.outboxEntries(state: .pending).count == 1)
        #expect(try store.counts().developments == 4)
    }

    @Test func backup_copiesTheStateAndRefusesToOverwrite() throws {
        // Given a store on disk with two developments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-backup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.open(directory: folder + "/state")
        try Fixtures.queue(into: store, count: 2, webhooks: ["ops"])

        // When it is backed up, then the copy opens as a store with the same developments
        try store.backup(to: folder + "/copy.sqlite")
        try FileManager.default.createDirectory(atPath: folder + "/restored", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder + "/copy.sqlite", toPath: folder + "/restored/state.sqlite")
        #expect(try Store.open(directory: folder + "/restored").counts().developments == 2)

        // And a second backup to the same file is refused
        #expect(throws: StoreError.self) { try store.backup(to: folder + "/copy.sqlite") }
    }

    @Test func diskFull_whenSQLiteSaysFull_namesTheStateAndItsFreeSpace() {
        let full = StoreError.diskFull(DatabaseError(resultCode: .SQLITE_FULL), directory: "/tmp")
        #expect(full?.description.hasPrefix("the disk holding /tmp/state.sqlite is full (") == true)
        #expect(full?.description.contains("MiB free") == true)
        #expect(StoreError.diskFull(DatabaseError(resultCode: .SQLITE_CONSTRAINT), directory: "/tmp") == nil)
    }
}
