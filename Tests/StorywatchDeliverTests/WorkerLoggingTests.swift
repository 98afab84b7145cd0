import Foundation
import Logging
import StorywatchDeliver
import StorywatchService
import StorywatchStore
import StorywatchTesting
import Testing

/// Captures log events in memory (tests never bootstrap the logging system).
final class CapturedLogs: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var lines: [(level: Logger.Level, text: String)] = []

    func append(_ level: Logger.Level, _ text: String) { lock.withLock { lines.append((level, text)) } }
    var all: [(level: Logger.Level, text: String)] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingHandler(logs: self) }
    }
}

struct CapturingHandler: LogHandler {
    let logs: CapturedLogs
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        logs.append(event.level, "\(event.message) " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: " "))
    }
}

struct WorkerLoggingTests {
    @Test func run_whenSignedDeliveriesFailAndSucceed_neverLogsSecretOrSignature() async throws {
        // Given a signed webhook that answers 503 once, then 200
        let receiver = try await Receiver(replies: [Reply(status: 503, headers: ["Retry-After": "1"])])
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 1)
        let logs = CapturedLogs()
        let endpoint = WebhookEndpoint(name: "ops", url: receiver.url, secrets: [Fixtures.secret])

        // When drained
        _ = try await CurlTransport.with(options: DeliveryWorkerTests.options) { transport in
            try await DeliveryWorkerTests.worker([endpoint], store: store, transport: transport, logger: logs.logger)
                .run(.drain(linger: 5))
        }

        // Then the log tells the retry and the delivery, with the webhook's name and status
        let lines = logs.all
        #expect(lines.contains { $0.level == .info && $0.text.contains("will retry") && $0.text.contains("http.status=503") })
        #expect(lines.contains { $0.text.contains("alert delivered") && $0.text.contains("webhook.name=ops") })
        // And no secret, key or signature appears anywhere
        let signature = try #require(receiver.requests().first?.headers["webhook-signature"])
        for line in lines {
            #expect(!line.text.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
            #expect(!line.text.contains(String(signature.dropFirst(3).prefix(20))))
        }
    }

    @Test func run_whenForever_picksUpNewAlertsAndStopsOnCancel() async throws {
        // Given a worker in daemon mode over an empty outbox, asleep until its next poll on a test clock
        let store = try Fixtures.store(developments: 0)
        let clock = TestClock()
        let transport = FakeTransport()
        var worker = try DeliveryWorker(endpoints: [WebhookEndpoint(name: "ops", url: "http://127.0.0.1:9/hook")],
                                        queue: StoreOutboxQueue(store: store), transport: transport,
                                        logger: DeliveryWorkerTests.logger)
        worker.now = { clock.now }
        worker.sleep = { seconds in try await clock.sleep(seconds: seconds) }
        let task = Task { try await worker.run(.forever(pollInterval: 30)) }
        await clock.waitForSleeper()

        // When alerts are recorded while it sleeps, and the poll falls due
        try Fixtures.queue(into: store, count: 2, webhooks: ["ops"], now: clock.now, prefix: "late-", document: "late.txt")
        clock.advance(by: 30)

        // Then both are delivered (both may be in flight at once, so in either order)
        let seen = await transport.waitForRequests(2)
        #expect(seen.compactMap { $0.header("webhook-id") }.sorted() == ["late-1", "late-2"])
        // And cancelling stops the worker, with both recorded
        task.cancel()
        let stats = try await task.value
        #expect(stats.delivered == 2)
        #expect(try store.outboxCountsByWebhook().first?.delivered == 2)
    }
}
