import Foundation
import StorywatchModel
import StorywatchStore
import StorywatchTesting
import Testing

struct StoreOutboxTests {
    private static let t0 = Date(timeIntervalSince1970: 2_000_000)

    @Test func dueOutbox_whenRowsQueued_returnsOldestFirstWithAlert() throws {
        // Given three developments queued for two webhooks
        let store = try Fixtures.store(developments: 3, webhooks: ["ops", "chat"], now: Self.t0)

        // When the due rows of one webhook are read
        let due = try store.dueOutbox(webhook: "ops", now: Self.t0, limit: 10)

        // Then they come in creation order, with their alert bytes
        #expect(due.map(\.developmentID) == ["dev-1", "dev-2", "dev-3"])
        #expect(due.allSatisfy { $0.webhook == "ops" && $0.state == .pending && $0.attempts == 0 && $0.alert != nil })
    }

    @Test func dueOutbox_whenExcludedOrWaiting_skipsThem() throws {
        // Given three rows, the first waiting for a retry and the second in flight
        let store = try Fixtures.store(developments: 3, now: Self.t0)
        let rows = try store.dueOutbox(webhook: "ops", now: Self.t0, limit: 10)
        try store.recordOutboxAttempts([DeliveryAttempt(outboxID: rows[0].id, attemptedAt: Self.t0, status: 503, error: "HTTP 503",
                                                      durationMs: 1, next: .retry(at: Self.t0.addingTimeInterval(60)))])

        // When due rows are read excluding the second
        let due = try store.dueOutbox(webhook: "ops", now: Self.t0, excluding: [rows[1].id], limit: 10)

        // Then only the third is due (a waiting retry never blocks later ones)
        #expect(due.map(\.developmentID) == ["dev-3"])
        #expect(try store.nextOutboxAttempt(webhooks: ["ops"]) == Self.t0)
    }

    @Test func recordOutboxAttempts_whenDeliveredAndDead_updatesStateAndLog() throws {
        // Given two rows
        let store = try Fixtures.store(developments: 2, now: Self.t0)
        let rows = try store.dueOutbox(webhook: "ops", now: Self.t0, limit: 10)

        // When one is delivered and one parked
        try store.recordOutboxAttempts([
            DeliveryAttempt(outboxID: rows[0].id, attemptedAt: Self.t0, status: 200, error: nil, durationMs: 3, next: .delivered),
            DeliveryAttempt(outboxID: rows[1].id, attemptedAt: Self.t0, status: 410, error: "HTTP 410", durationMs: 4, next: .dead),
        ])

        // Then states, attempts, last status and the delivery log follow
        let first = try #require(try store.outboxEntry(id: rows[0].id))
        let second = try #require(try store.outboxEntry(id: rows[1].id))
        #expect(first.state == .delivered && first.attempts == 1 && first.lastStatus == 200)
        #expect(second.state == .dead && second.lastError == "HTTP 410")
        #expect(try store.deliveryLog(outboxID: rows[1].id) == [DeliveryLogEntry(attemptedAt: Self.t0, status: 410,
                                                                                   error: "HTTP 410", durationMs: 4)])
        let counts = try store.outboxCountsByWebhook()
        #expect(counts == [WebhookOutboxCounts(webhook: "ops", pending: 0, delivered: 1, dead: 1, oldestPending: nil)])
        #expect(try store.nextOutboxAttempt(webhooks: ["ops"]) == nil)
    }

    @Test func requeueOutbox_whenDead_queuesThemAgainWithFreshWindow() throws {
        // Given a dead row
        let store = try Fixtures.store(developments: 1, webhooks: ["ops", "chat"], now: Self.t0)
        let row = try #require(try store.dueOutbox(webhook: "ops", now: Self.t0, limit: 1).first)
        try store.recordOutboxAttempts([DeliveryAttempt(outboxID: row.id, attemptedAt: Self.t0, status: 404, error: "HTTP 404",
                                                      durationMs: 1, next: .dead)])

        // When dead rows are queued again an hour later
        let later = Self.t0.addingTimeInterval(3_600)
        let count = try store.requeueOutbox(.dead, webhook: "ops", now: later)

        // Then the row is pending, due now, with no attempts and a new retry window
        #expect(count == 1)
        let again = try #require(try store.outboxEntry(id: row.id))
        #expect(again.state == .pending && again.attempts == 0)
        #expect(again.nextAttemptAt == later && again.createdAt == later)
    }

    @Test func requeueOutbox_whenDevelopmentIdAndNewWebhook_createsTheRow() throws {
        // Given a development queued only for ops
        let store = try Fixtures.store(developments: 1, webhooks: ["ops"], now: Self.t0)

        // When it is redelivered to a webhook it never went to
        let count = try store.requeueOutbox(.ids(["dev-1"]), webhook: "chat", now: Self.t0)

        // Then a row for that webhook is queued
        #expect(count == 1)
        #expect(try store.dueOutbox(webhook: "chat", now: Self.t0, limit: 5).map(\.developmentID) == ["dev-1"])
    }
}
