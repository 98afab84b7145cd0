import Foundation
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import StorywatchConfig
import Prometheus
import StorywatchHTTP
import StorywatchModel
@testable import StorywatchService
import StorywatchStore
import Synchronization
import Testing

/// `/healthz` from the daemon's `WorkProgress`, and /metrics' gauges from the store.
struct HealthAndMetricsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A `WorkProgress` on a clock the test moves.
    final class Clock: Sendable {
        let seconds = Mutex(0.0)
        var instant: ContinuousClock.Instant { base.advanced(by: .seconds(seconds.withLock { $0 })) }
        let base = ContinuousClock.now
        func advance(_ s: Double) { seconds.withLock { $0 += s } }
    }

    @Test func problem_whenIdleForLong_isHealthy() {
        let clock = Clock()
        let progress = WorkProgress(now: { clock.instant })
        progress.unit("a.txt") { clock.advance(1) }
        clock.advance(86_400)
        #expect(HealthCheck(progress: progress, stallAfter: .seconds(60)).problem() == nil)
    }

    @Test func problem_whenOneDocumentInHandPastTheLimit_namesItAndTheTime() {
        let clock = Clock()
        let progress = WorkProgress(now: { clock.instant })
        _ = progress.begin("2026/a.txt")
        let check = HealthCheck(progress: progress, stallAfter: .seconds(60))
        clock.advance(59)
        #expect(check.problem() == nil)
        clock.advance(2)
        #expect(check.problem() == "pipeline stalled: 2026/a.txt in hand for 61 s (limit 60 s)")
    }

    @Test func problem_whenAnOutboxUnitHangs_saysSoWithoutADocument() {
        let clock = Clock()
        let progress = WorkProgress(now: { clock.instant })
        _ = progress.begin()
        clock.advance(121)
        #expect(HealthCheck(progress: progress).problem() == "stalled: an outbox or housekeeping task in hand for 121 s (limit 120 s)")
    }

    @Test func scrape_whenExampleCorpusScanned_givesStateGauges() throws {
        // Given the example corpus scanned with one webhook
        let state = try ExampleState(webhooks: ["ops"])
        defer { state.remove() }
        let progress = WorkProgress(wallClock: { Self.t0 })
        progress.passEnded()
        let metrics = StateMetrics(registry: PrometheusCollectorRegistry(), store: state.store, lastScan: { progress.lastDocumentAt })

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

    @Test func operatorServices_whenGroupShutsDownGracefully_listenerStopsAndHeartbeatRecordsTheStop() async throws {
        // Given the heartbeat and a listener on 127.0.0.1 (any port) running in a service group
        let state = try ExampleState(files: [])
        defer { state.remove() }
        var config = state.config
        config.http = HTTPConfig(host: "127.0.0.1", port: 0)
        let logger = Logger(label: "test")
        let services = try OperatorServices.make(config: config, store: state.store, progress: WorkProgress(),
                                                 environment: [:], logger: logger)
        #expect(services.count == 2)

        // When the group is shut down gracefully once the heartbeat is written
        try await testGracefulShutdown { trigger in
            let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                var tries = 0
                while try state.store.heartbeat() == nil, tries < 500 {
                    tries += 1
                    try await Task.sleep(for: .milliseconds(10))
                }
                trigger.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }

        // Then both ended without an error and the heartbeat says the daemon stopped
        #expect(try state.store.heartbeat()?.pid == 0)
    }
}
