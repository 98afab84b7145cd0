import CoreMetrics
import Foundation
import Prometheus
import StorywatchStore

/// `/metrics`: the counters the pipeline moved, plus gauges read from the store at each scrape
/// (what the state holds is the truth across restarts), in Prometheus text format.
package struct StateMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    let store: Store
    /// When the pipeline last finished a document or a pass.
    let lastScan: @Sendable () -> Date?

    package init(registry: PrometheusCollectorRegistry, store: Store, lastScan: @escaping @Sendable () -> Date?) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        // Webhook latency: 5 ms to 30 s.
        factory.durationHistogramBuckets["storywatch_delivery_duration_seconds"] = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
        self.store = store
        self.lastScan = lastScan
    }

    /// The whole exposition, gauges refreshed from the store first.
    package func scrape(now: Date = Date()) throws -> String {
        try refreshGauges(now: now)
        return registry.emitToString()
    }

    func refreshGauges(now: Date) throws {
        let counts = try store.counts()
        gauge("storywatch_documents", Double(counts.documents))
        gauge("storywatch_storylines", Double(counts.storylines))
        for (kind, n) in try store.developmentCountsByKind() {
            gauge("storywatch_developments", Double(n), [("kind", kind)])
        }
        var oldest: Date?
        for hook in try store.outboxCountsByWebhook() {
            gauge("storywatch_outbox_pending", Double(hook.pending), [("webhook", hook.webhook)])
            gauge("storywatch_outbox_dead", Double(hook.dead), [("webhook", hook.webhook)])
            if let o = hook.oldestPending, o < (oldest ?? .distantFuture) { oldest = o }
        }
        gauge("storywatch_oldest_pending_age_seconds", oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        gauge("storywatch_last_scan_timestamp_seconds", lastScan()?.timeIntervalSince1970 ?? 0)
    }

    private func gauge(_ label: String, _ value: Double, _ dimensions: [(String, String)] = []) {
        Gauge(label: label, dimensions: dimensions, factory: factory).record(value)
    }
}
