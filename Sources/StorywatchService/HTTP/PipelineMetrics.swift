import CoreMetrics
import Foundation
import StorywatchModel
import StorywatchStore
import Synchronization

/// The counters the pipeline and the delivery worker move (swift-metrics): no-ops until the
/// daemon's `[http]` listener bootstraps a Prometheus factory (`OperatorServices.make`).
package enum PipelineMetrics {
    /// Set once a factory is bootstrapped, so that delivery looks up webhook names only then.
    static let enabled = Atomic(false)

    /// Called once the swift-metrics factory is bootstrapped: the pipeline's counters are shown
    /// from the start, at 0.
    package static func enable() {
        enabled.store(true, ordering: .relaxed)
        for label in ["storywatch_files_scanned_total", "storywatch_items_total", "storywatch_events_total"] {
            Counter(label: label).increment(by: 0)
        }
    }
    /// A file read and analysed (changed or new).
    static func fileScanned() {
        Counter(label: "storywatch_files_scanned_total").increment()
    }

    /// What one document's analysis found.
    static func analysed(items: Int, events: Int) {
        Counter(label: "storywatch_items_total").increment(by: items)
        Counter(label: "storywatch_events_total").increment(by: events)
    }

    /// Delivery attempts by webhook and result, and their latency.
    static func delivered(_ attempts: [DeliveryAttempt], store: Store) {
        guard enabled.load(ordering: .relaxed), !attempts.isEmpty else { return }
        let webhooks = (try? store.webhooks(outboxIDs: attempts.map(\.outboxID))) ?? [:]
        for attempt in attempts {
            let webhook = webhooks[attempt.outboxID] ?? "unknown"
            let result = switch attempt.next {
            case .delivered: "delivered"
            case .retry: "retry"
            case .dead: "dead"
            }
            Counter(label: "storywatch_deliveries_total", dimensions: [("webhook", webhook), ("result", result)]).increment()
            Timer(label: "storywatch_delivery_duration_seconds", dimensions: [("webhook", webhook)])
                .recordNanoseconds(Int64(attempt.durationMs * 1_000_000))
        }
    }
}
