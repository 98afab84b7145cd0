import Foundation
import Logging
import StorywatchDeliver
import StorywatchService
import StorywatchStore
import StorywatchTesting
import Testing

/// The worker over a real (in-memory) store, libcurl and a local receiver.
struct DeliveryWorkerTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A worker whose waits (retries, lingering, the flush tick) run on `clock`: by default one
    /// that advances on sleep, so no test waits for a retry in real time.
    static func worker(_ endpoints: [WebhookEndpoint], store: Store, transport: CurlTransport,
                       clock: TestClock = TestClock(advancesOnSleep: true), logger: Logger = logger) throws -> DeliveryWorker {
        var worker = try DeliveryWorker(endpoints: endpoints, queue: StoreOutboxQueue(store: store), transport: transport,
                                        logger: logger)
        worker.now = { clock.now }
        worker.sleep = { seconds in try await clock.sleep(seconds: seconds) }
        return worker
    }

    static var options: CurlTransport.Options {
        var options = CurlTransport.Options()
        options.noProxy = "*"
        return options
    }

    @Test func run_when503WithRetryAfterThreeTimes_deliversOnRetryAfterUnderOneId() async throws {
        // Given a receiver answering 503 with Retry-After: 1 three times, then 200, and a signed cloudevents webhook
        let receiver = try await Receiver(replies: Array(repeating: Reply(status: 503, headers: ["Retry-After": "1"]), count: 3))
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 1)
        let endpoint = WebhookEndpoint(name: "ops", url: receiver.url, secrets: [Fixtures.secret])

        // When the outbox is drained, the worker's waits on a test clock
        let clock = TestClock(advancesOnSleep: true)
        let start = clock.now
        let stats = try await CurlTransport.with(options: Self.options) { transport in
            try await Self.worker([endpoint], store: store, transport: transport, clock: clock).run(.drain(linger: 10))
        }

        // Then the alert arrived on the fourth attempt, always with the same webhook-id, on the
        // receiver's Retry-After (three waits of about a second): the default schedule would wait
        // 5 s, then 300 s.
        #expect(clock.now.timeIntervalSince(start) < 5)
        #expect(stats.delivered == 1 && stats.retried == 3 && stats.parked == 0)
        let seen = receiver.requests()
        #expect(seen.count == 4)
        #expect(Set(seen.compactMap { $0.headers["webhook-id"] }) == ["dev-1"])
        #expect(try store.outboxCountsByWebhook().first?.delivered == 1)
        let row = try #require(try store.outboxEntries(state: .delivered).first)
        #expect(try store.deliveryLog(outboxID: row.id).map(\.status) == [503, 503, 503, 200])

        // And the public libraries verify the signature and parse a structured-mode CloudEvent
        guard PythonVerifier.available else {
            print("skipped the standardwebhooks/cloudevents check: pip install standardwebhooks cloudevents")
            return
        }
        #expect(PythonVerifier.verify(seen, secret: Fixtures.secret) ==
                Array(repeating: "ok org.storywatch.development.reversal dev-1", count: 4))
    }

    /// A first answer of each retryable class; the second attempt gets 200.
    static let retryClasses: [(String, Reply)] = [
        ("500", Reply(status: 500)), ("502", Reply(status: 502)), ("503", Reply(status: 503)),
        ("408", Reply(status: 408)), ("429 Retry-After 1", Reply(status: 429, headers: ["Retry-After": "1"])),
        ("slow past the timeout", Reply(delay: 3)), ("closed mid-response", Reply(body: "partial", closeMidResponse: true)),
    ]

    @Test(arguments: 0..<7)
    func run_whenFirstAttemptFailsRetryably_retriesAndDelivers(index: Int) async throws {
        // Given a receiver whose first answer is of one retryable class, then 200
        let (name, reply) = Self.retryClasses[index]
        let receiver = try await Receiver(replies: [reply])
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 1)
        let endpoint = WebhookEndpoint(name: "ops", url: receiver.url, timeoutSeconds: 1)

        // When drained with a short retry schedule
        let stats = try await CurlTransport.with(options: Self.options) { transport in
            var worker = try Self.worker([endpoint], store: store, transport: transport)
            worker.retrySchedule = [0.2]
            return try await worker.run(.drain(linger: 5))
        }

        // Then it was retried once and delivered, both attempts under one webhook-id
        #expect(stats.retried == 1 && stats.delivered == 1, "\(name)")
        #expect(await receiver.waitForRequests(2).compactMap { $0.headers["webhook-id"] } == ["dev-1", "dev-1"], "\(name)")
        let row = try #require(try store.outboxEntries(state: .delivered).first)
        let log = try store.deliveryLog(outboxID: row.id)
        #expect(log.count == 2 && log[0].error != nil && log[1].status == 200, "\(name)")
    }

    @Test func run_whenPermanent4xx_parksDeadAndRedeliverSendsItAgain() async throws {
        // Given a receiver that answers 404 once, then 200
        let receiver = try await Receiver(replies: [Reply(status: 404, body: "no such hook")])
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 1)
        let endpoint = WebhookEndpoint(name: "ops", url: receiver.url)

        try await CurlTransport.with(options: Self.options) { transport in
            // When drained, the alert is parked as dead at once
            let first = try await Self.worker([endpoint], store: store, transport: transport).run(.drain(linger: 0))
            #expect(first.parked == 1)
            let dead = try #require(try store.outboxEntries(state: .dead).first)
            #expect(dead.lastStatus == 404)
            #expect(dead.lastError == "HTTP 404: no such hook")

            // When it is queued again and drained
            #expect(try store.requeueOutbox(.dead) == 1)
            let second = try await Self.worker([endpoint], store: store, transport: transport).run(.drain(linger: 0))

            // Then it is delivered, with the same webhook-id
            #expect(second.delivered == 1)
        }
        #expect(receiver.requests().map { $0.headers["webhook-id"] } == ["dev-1", "dev-1"])
        #expect(try store.outboxEntries(state: .dead).isEmpty)
    }

    @Test func run_whenRedirect_parksWithoutFollowing() async throws {
        let receiver = try await Receiver(fallback: Reply(status: 301, headers: ["Location": "http://127.0.0.1:9/moved"]))
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 1)
        let stats = try await CurlTransport.with(options: Self.options) { transport in
            try await Self.worker([WebhookEndpoint(name: "ops", url: receiver.url)], store: store, transport: transport)
                .run(.drain(linger: 0))
        }
        #expect(stats.parked == 1)
        #expect(receiver.requests().count == 1)
        let dead = try #require(try store.outboxEntries(state: .dead).first)
        #expect(dead.lastError?.contains("redirect not followed (Location: http://127.0.0.1:9/moved)") == true)
    }

    @Test func run_whenOneMessageWaitsForRetry_laterMessagesStillGo() async throws {
        // Given three alerts; the first request is answered 503 with a long Retry-After
        let receiver = try await Receiver(replies: [Reply(status: 503, headers: ["Retry-After": "600"])])
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 3)
        var endpoint = WebhookEndpoint(name: "ops", url: receiver.url)
        endpoint.maxInFlight = 1

        // When drained
        let before = Date()
        let stats = try await CurlTransport.with(options: Self.options) { transport in
            try await Self.worker([endpoint], store: store, transport: transport).run(.drain(linger: 5))
        }
        let after = Date()

        // Then the other two went in order, and the first waits for its retry
        #expect(stats.delivered == 2 && stats.retried == 1)
        #expect(receiver.requests().compactMap { $0.headers["webhook-id"] } == ["dev-1", "dev-2", "dev-3"])
        let pending = try store.outboxEntries(state: .pending)
        #expect(pending.map(\.developmentID) == ["dev-1"])
        // (Bounded by the drain's start and end, so a slow machine cannot fail it.)
        let retryAt = try #require(pending.first?.nextAttemptAt)
        #expect(retryAt >= before.addingTimeInterval(599) && retryAt <= after.addingTimeInterval(600))
    }

    @Test func run_whenManyMessages_keepsPerEndpointLimit() async throws {
        // Given eight alerts, a receiver taking 0.3 s per answer and at most 2 requests in flight
        let receiver = try await Receiver(fallback: Reply(delay: 0.3))
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 8)
        var endpoint = WebhookEndpoint(name: "ops", url: receiver.url)
        endpoint.maxInFlight = 2

        // When drained
        let stats = try await CurlTransport.with(options: Self.options) { transport in
            try await Self.worker([endpoint], store: store, transport: transport).run(.drain(linger: 0))
        }

        // Then never more than two requests overlapped
        #expect(stats.delivered == 8)
        let times = receiver.requests().map(\.time)
        #expect(times.count == 8)
        for t in times {
            #expect(times.filter { $0 >= t && $0 < t + 0.25 }.count <= 2)
        }
    }

    @Test func run_whenWebhookKeepsFailing_reportsDownOnce() async throws {
        // Given a webhook that always answers 500 and a zero health threshold
        let receiver = try await Receiver(fallback: Reply(status: 500))
        defer { receiver.stop() }
        let store = try Fixtures.store(developments: 3)
        let reports = Reports()
        try await CurlTransport.with(options: Self.options) { transport in
            var worker = try Self.worker([WebhookEndpoint(name: "ops", url: receiver.url)], store: store, transport: transport)
            worker.healthThreshold = 0
            worker.onHealthChange = { down in reports.append(down) }
            _ = try await worker.run(.drain(linger: 0))
        }
        // Then it was reported down once, not once per failed attempt
        #expect(reports.all == [["ops"]])
    }
}
