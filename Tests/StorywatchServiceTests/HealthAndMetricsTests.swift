import Foundation
import Prometheus
import StorywatchHTTP
import StorywatchModel
@testable import StorywatchService
import StorywatchStore
import Testing

/// `/healthz` from the pipeline's progress, and /metrics' gauges from the store.
struct HealthAndMetricsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func problem_whenIdleForLong_isHealthy() {
        let progress = PipelineProgress()
        progress.started("a.txt", at: Self.t0)
        progress.ended(at: Self.t0.addingTimeInterval(1))
        #expect(HealthCheck(progress: progress, stallAfter: .seconds(60)).problem(now: Self.t0.addingTimeInterval(86_400)) == nil)
    }

    @Test func problem_whenOneDocumentInHandPastTheLimit_namesItAndTheTime() {
        let progress = PipelineProgress()
        progress.started("2026/a.txt", at: Self.t0)
        let check = HealthCheck(progress: progress, stallAfter: .seconds(60))
        #expect(check.problem(now: Self.t0.addingTimeInterval(59)) == nil)
        #expect(check.problem(now: Self.t0.addingTimeInterval(61)) == "pipeline stalled: 2026/a.txt in hand for 61 s (limit 60 s)")
    }

    @Test func scrape_whenExampleCorpusScanned_givesStateGauges() throws {
        // Given the example corpus scanned with one webhook
        let state = try ExampleState(webhooks: ["ops"])
        defer { state.remove() }
        let progress = PipelineProgress()
        progress.ended(at: Self.t0)
        let metrics = StateMetrics(registry: PrometheusCollectorRegistry(), store: state.store, progress: progress)

        // When scraped
        let text = try metrics.scrape(now: Self.t0.addingTimeInterval(100))

        // Then the counts of the state are there
        let counts = try state.store.counts()
        #expect(text.contains("storywatch_documents \(Double(counts.documents))") || text.contains("storywatch_documents \(counts.documents)"))
        #expect(text.contains("storywatch_outbox_pending{webhook=\"ops\"} \(counts.outboxPending)"))
        let kinds = Dictionary(grouping: state.alerts, by: \.development.kind.rawValue)
        for (kind, alerts) in kinds {
            #expect(text.contains("storywatch_developments{kind=\"\(kind)\"} \(alerts.count)"), "\(kind)")
        }
        #expect(text.contains("storywatch_last_scan_timestamp_seconds 1800000000"))
    }
}
