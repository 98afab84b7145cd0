import Foundation
import StorywatchDeliver
import StorywatchService
import StorywatchStore
import StorywatchTesting
import Testing

/// The worker's timing rules on a test clock: `sleep` advances it, no real time passes.
struct WorkerClockTests {
    static func worker(_ endpoint: WebhookEndpoint, store: Store, transport: any HTTPTransport) throws -> DeliveryWorker {
        try DeliveryWorker(endpoints: [endpoint], queue: StoreOutboxQueue(store: store), transport: transport,
                           logger: DeliveryWorkerTests.logger)
    }

    /// Points the worker's `now` and `sleep` at `clock` (which advances on sleep); `sleep` throws
    /// (ending the run) once `stop` holds, or after 10,000 sleeps.
    static func drive(_ worker: inout DeliveryWorker, on clock: TestClock,
                      until stop: @escaping @Sendable () -> Bool = { false }) {
        let sleeps = LockedCount()
        worker.now = { clock.now }
        worker.sleep = { seconds in
            if stop() || sleeps.increment() > 10_000 { throw CancellationError() }
            try await clock.sleep(seconds: seconds)
        }
    }

    @Test func run_whenWebhookHasARate_spacesRequestsAndDropsNone() async throws {
        // Given five queued alerts and a webhook limited to 2 a second
        let store = try Fixtures.store(developments: 5)
        let clock = TestClock(advancesOnSleep: true)
        let transport = AnsweringTransport(clock: clock, status: 200)
        var worker = try Self.worker(WebhookEndpoint(name: "ops", url: "http://127.0.0.1:9/", spacingSeconds: 0.5),
                                     store: store, transport: transport)
        Self.drive(&worker, on: clock)

        // When the outbox is drained with no linger
        let stats = try await worker.run(.drain(linger: 0))

        // Then all five went, each at least 0.5 s after the one before
        #expect(stats.delivered == 5)
        let times = transport.sendTimes
        #expect(times.count == 5)
        for (earlier, later) in zip(times, times.dropFirst()) { #expect(later.timeIntervalSince(earlier) >= 0.5 - 1e-6) }
        #expect(times.last!.timeIntervalSince(times.first!) < 2.5)
    }

    @Test func run_whenWebhookFailsPastFailingAfter_warnsBeforeTheNextAttempt() async throws {
        // Given a webhook that always answers 500, warned about after 120 s, retried after 600 s
        let store = try Fixtures.store(developments: 1)
        let clock = TestClock(advancesOnSleep: true)
        let transport = AnsweringTransport(clock: clock, status: 500)
        var worker = try Self.worker(WebhookEndpoint(name: "ops", url: "http://127.0.0.1:9/"), store: store, transport: transport)
        worker.healthThreshold = 120
        worker.retrySchedule = [600]
        let reports = Reports()
        let reportedAt = LockedDate()
        worker.onHealthChange = { down in
            reports.append(down)
            reportedAt.set(clock.now)
        }
        Self.drive(&worker, on: clock, until: { !reports.all.isEmpty })

        // When the daemon's worker runs (it stops once the report is made)
        _ = try await worker.run(.forever(pollInterval: 30))

        // Then the warning came 120 s after the first failure, with no second attempt yet
        #expect(reports.all == [["ops"]])
        let first = try #require(transport.sendTimes.first)
        let delay = try #require(reportedAt.value).timeIntervalSince(first)
        #expect(delay >= 120 && delay < 121, "reported after \(delay) s")
        #expect(transport.sendTimes.count == 1)
    }
}

/// Answers every request at once with `status`, noting the test clock's time of each.
final class AnsweringTransport: HTTPTransport, @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var times: [Date] = []
    let clock: TestClock
    let status: Int

    init(clock: TestClock, status: Int) {
        self.clock = clock
        self.status = status
    }

    var sendTimes: [Date] { lock.withLock { times } }

    func send(_ request: HTTPRequest) async -> HTTPResult {
        lock.withLock { times.append(clock.now) }
        return HTTPResult(outcome: .success(HTTPResponse(status: status)), durationMs: 1)
    }
}

final class LockedCount: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int { lock.withLock { count += 1; return count } }
}

final class LockedDate: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var date: Date?
    func set(_ value: Date) { lock.withLock { if date == nil { date = value } } }
    var value: Date? { lock.withLock { date } }
}
