import Foundation
import Synchronization

/// Where the pipeline stands, for `/healthz` and /metrics: the unit of work in hand (a document)
/// and when the last one ended. The pipeline reports each document it processes; readers take a
/// snapshot. An idle pipeline (nothing in hand) is healthy however long it waits.
package final class PipelineProgress: Sendable {
    package struct Snapshot: Sendable, Equatable {
        /// The unit in hand and when it started; nil when idle.
        package var current: String?
        package var startedAt: Date?
        /// When the last unit ended: the last scan time.
        package var lastEndedAt: Date?
    }

    private let state = Mutex(Snapshot())

    package init() {}

    package func started(_ unit: String, at now: Date = Date()) {
        state.withLock { $0.current = unit; $0.startedAt = now }
    }

    package func ended(at now: Date = Date()) {
        state.withLock { $0.current = nil; $0.startedAt = nil; $0.lastEndedAt = now }
    }

    package var snapshot: Snapshot { state.withLock { $0 } }
}

/// `/healthz`: healthy unless one unit has been in hand longer than `stallAfter`.
package struct HealthCheck: Sendable {
    package var progress: PipelineProgress
    package var stallAfter: Duration

    package init(progress: PipelineProgress, stallAfter: Duration = .seconds(120)) {
        self.progress = progress
        self.stallAfter = stallAfter
    }

    /// nil when healthy, else the reason, a sentence for the operator.
    package func problem(now: Date = Date()) -> String? {
        let s = progress.snapshot
        guard let current = s.current, let started = s.startedAt else { return nil }
        let seconds = now.timeIntervalSince(started)
        guard seconds > Double(stallAfter.components.seconds) else { return nil }
        return "pipeline stalled: \(current) in hand for \(Int(seconds)) s (limit \(stallAfter.components.seconds) s)"
    }
}
