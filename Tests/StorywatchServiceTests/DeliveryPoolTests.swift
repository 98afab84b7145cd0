import Foundation
import Logging
import StorywatchConfig
import StorywatchDeliver
import StorywatchService
import StorywatchStore
import StorywatchTesting
import Testing

/// Webhooks fail alone: a secret that becomes unusable parks its webhook, the others deliver.
struct DeliveryPoolTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test func run_whenASecretFileIsDeletedWhileRunning_parksThatWebhookAfterItsRequestInFlight() async throws {
        // Given webhook "a" (unsigned) and "b" signed from a file, one request at a time, three alerts each
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-pool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data((Fixtures.secret + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/b.secret"))
        var config = StorywatchConfig()
        config.webhooks = [WebhookConfig(name: "a", url: "http://127.0.0.1:9/a"), WebhookConfig(name: "b", url: "http://127.0.0.1:9/b")]
        config.webhooks[1].secret = .file(folder + "/b.secret")
        config.webhooks[1].maxInFlight = 1
        let store = try Fixtures.store(developments: 3, webhooks: ["a", "b"])
        let transport = HoldingTransport(holding: "/b")
        var pool = DeliveryService.worker(config: config, store: store, transport: transport, logger: Self.logger)
        #expect(pool.parked.isEmpty)
        // The secret file goes once b's first request is in flight; each webhook's secret is then
        // re-checked once (later re-checks wait until the run ends and cancels them).
        let rechecked = LockedNames()
        pool.recheckInterval = { webhook in
            if rechecked.insert(webhook) { await transport.firstHeld() } else { try await Task.sleep(for: .seconds(3_600)) }
        }
        let reports = Reports()
        pool.onHealthChange = { down in
            reports.append(down)
            if down.contains("b") { transport.release() }
        }
        transport.onHold = { try? FileManager.default.removeItem(atPath: folder + "/b.secret") }

        // When the outbox is drained
        let stats = try await pool.run(.drain(linger: 0))

        // Then b is reported parked, sent only the request it had in flight (recorded), and keeps
        // its other alerts queued; a delivered all of its own
        #expect(reports.all.last == ["b"])
        #expect(transport.requests(to: "/b") == 1)
        #expect(transport.requests(to: "/a") == 3)
        #expect(stats.delivered == 4)
        let pending = try store.outboxCountsByWebhook().first { $0.webhook == "b" }?.pending
        #expect(pending == 2)
    }
}

/// Answers 200 at once, except requests whose URL contains `holding`: the first of them waits for
/// `release()` (after calling `onHold`).
final class HoldingTransport: HTTPTransport, @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private let holding: String
    private var urls: [String] = []
    private var held = false
    private var released = false
    private var releaseWaiter: CheckedContinuation<Void, Never>?
    private var heldWaiters: [CheckedContinuation<Void, Never>] = []
    var onHold: @Sendable () -> Void = {}

    init(holding: String) { self.holding = holding }

    func requests(to part: String) -> Int { lock.withLock { urls.filter { $0.contains(part) }.count } }

    func send(_ request: HTTPRequest) async -> HTTPResult {
        let hold = lock.withLock {
            urls.append(request.url)
            guard request.url.contains(holding), !held else { return false }
            held = true
            return true
        }
        if hold {
            onHold()
            for waiter in lock.withLock({ defer { heldWaiters = [] }; return heldWaiters }) { waiter.resume() }
            await withCheckedContinuation { continuation in
                let now = lock.withLock {
                    if released { return true }
                    releaseWaiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        }
        return HTTPResult(outcome: .success(HTTPResponse(status: 200)), durationMs: 1)
    }

    /// Returns once the first held request has arrived.
    func firstHeld() async {
        await withCheckedContinuation { continuation in
            let now = lock.withLock {
                if held { return true }
                heldWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    func release() {
        let waiter = lock.withLock {
            released = true
            defer { releaseWaiter = nil }
            return releaseWaiter
        }
        waiter?.resume()
    }
}

final class LockedNames: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var names: Set<String> = []
    /// True the first time `name` is inserted.
    func insert(_ name: String) -> Bool { lock.withLock { names.insert(name).inserted } }
}
