import Foundation

/// `/healthz`: healthy unless one unit of work of the daemon (`WorkProgress`: a document, an
/// outbox read or write) has been in hand longer than `stallAfter`. An idle daemon is healthy
/// however long it waits.
package struct HealthCheck: Sendable {
    package var progress: WorkProgress
    package var stallAfter: Duration

    package init(progress: WorkProgress, stallAfter: Duration = .seconds(120)) {
        self.progress = progress
        self.stallAfter = stallAfter
    }

    /// nil when healthy, else the reason, a sentence for the operator.
    package func problem() -> String? {
        guard let (label, running) = progress.oldest(), running > stallAfter else { return nil }
        let what = label.map { "pipeline stalled: \($0)" } ?? "stalled: an outbox or housekeeping task"
        return "\(what) in hand for \(running.components.seconds) s (limit \(stallAfter.components.seconds) s)"
    }
}
