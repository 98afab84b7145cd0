import Foundation
import StorywatchModel

/// One alert waiting for one webhook.
package struct OutboxMessage: Sendable, Equatable {
    package var id: Int64
    /// The development id: the alert's CloudEvents id and the `webhook-id` of every attempt.
    package var developmentID: String
    package var webhook: String
    /// Attempts made so far.
    package var attempts: Int
    /// When the message was queued (or queued again by `redeliver`): the retry window starts here.
    package var queuedAt: Date
    /// The stored CloudEvents JSON.
    package var alert: Data

    package init(id: Int64, developmentID: String, webhook: String, attempts: Int, queuedAt: Date, alert: Data) {
        self.id = id
        self.developmentID = developmentID
        self.webhook = webhook
        self.attempts = attempts
        self.queuedAt = queuedAt
        self.alert = alert
    }
}


/// The durable queue the worker drains (the store's outbox table in production).
/// Implementations must make `record` atomic: all of a batch or none.
package protocol OutboxQueue: Sendable {
    /// Pending messages of `webhook` due at `now`, oldest due first, skipping `excluding`.
    func due(webhook: String, now: Date, excluding: Set<Int64>, limit: Int) throws -> [OutboxMessage]
    /// The earliest retry time among pending messages of `webhooks`, nil when none is pending.
    func nextDue(webhooks: [String]) throws -> Date?
    /// Records attempts: a delivery row each, and the message's new state.
    func record(_ attempts: [DeliveryAttempt]) throws
}
