import Foundation

/// What one delivery attempt did to one outbox row: written by the deliver stage, recorded by
/// the store (a plain value so neither stage needs the other).
package struct DeliveryAttempt: Sendable, Equatable {
    package enum Next: Sendable, Equatable {
        case delivered
        case retry(at: Date)
        case dead
    }

    /// The outbox row.
    package var outboxID: Int64
    package var attemptedAt: Date
    /// HTTP status, nil when no answer came.
    package var status: Int?
    /// Why it failed (no secrets, no bodies), nil on success.
    package var error: String?
    package var durationMs: Double
    package var next: Next

    package init(outboxID: Int64, attemptedAt: Date, status: Int?, error: String?, durationMs: Double, next: Next) {
        self.outboxID = outboxID
        self.attemptedAt = attemptedAt
        self.status = status
        self.error = error
        self.durationMs = durationMs
        self.next = next
    }
}
