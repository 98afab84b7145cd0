import Foundation
import StorywatchModel
import Logging

/// Drains the outbox: sends each due message to its webhook, records the attempt, and retries
/// or parks it per `RetryPolicy`. Up to `maxInFlight` requests per webhook (spaced by its
/// `spacingSeconds`, the config's `rate`) and `totalInFlight` in all; messages are taken
/// oldest-due first, and a message waiting for its retry never blocks later ones. Attempts are recorded in small batches after the answer arrives, so a crash
/// between send and record repeats the request (same `webhook-id`), never loses it.
package struct DeliveryWorker: Sendable {
    /// When `run` returns.
    package enum Mode: Sendable, Equatable {
        /// `deliver --once`: when nothing is due and nothing falls due within `linger` seconds.
        case drain(linger: Double)
        /// The daemon: until the task is cancelled; polls for new rows every `pollInterval` seconds.
        case forever(pollInterval: Double)
    }

    /// Counts of one run.
    package struct Stats: Sendable, Equatable {
        package var delivered = 0
        package var retried = 0
        package var parked = 0
        package init() {}
    }

    package var totalInFlight = 64
    /// Messages fetched per query and attempts recorded per transaction.
    package var batchSize = 64
    /// Longest an answered attempt waits to be recorded, seconds.
    package var flushInterval = 0.02
    /// Delays before retries 1, 2, … (the last repeats); tests shorten it.
    package var retrySchedule = RetryPolicy().schedule
    /// A webhook failing this long (seconds) is reported once (log, `onHealthChange`).
    package var healthThreshold = 600.0
    package var now: @Sendable () -> Date = { Date() }
    /// Uniform in 0..<1: the retry jitter.
    package var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
    package var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
    /// Called when a webhook goes down or recovers, with the names of those down now (for STATUS=).
    package var onHealthChange: @Sendable (_ down: [String]) -> Void = { _ in }

    private let builders: [String: WebhookRequestBuilder]
    private let order: [String]
    private let queue: any OutboxQueue
    private let transport: any HTTPTransport
    private let logger: Logger

    /// Throws `DeliveryError.badSecret` when a webhook's secret cannot be decoded.
    package init(endpoints: [WebhookEndpoint], queue: any OutboxQueue, transport: any HTTPTransport,
                 logger: Logger) throws(DeliveryError) {
        var builders: [String: WebhookRequestBuilder] = [:]
        for endpoint in endpoints { builders[endpoint.name] = try WebhookRequestBuilder(endpoint: endpoint) }
        self.builders = builders
        order = endpoints.map(\.name)
        self.queue = queue
        self.transport = transport
        self.logger = logger
    }

    private enum Event: Sendable {
        case answered(OutboxMessage, HTTPResult, attemptedAt: Date)
        case tick
    }

    /// Runs until `mode` says stop or the task is cancelled; requests in flight are finished and
    /// recorded first. Throws only when the outbox cannot be read or written.
    package func run(_ mode: Mode) async throws -> Stats {
        var state = RunState(webhooks: order, threshold: healthThreshold)
        try await withThrowingTaskGroup(of: Event.self) { group in
            while true {
                reportOverdue(&state)
                if !Task.isCancelled { try fill(&state, group: &group) }
                if state.inFlightTotal == 0 {
                    try flush(&state)
                    if Task.isCancelled { break }
                    state.stale.removeAll()
                    try fill(&state, group: &group)
                    if state.inFlightTotal == 0 {
                        guard let wait = try idleWait(mode, state: state) else { break }
                        do { try await sleep(wait) } catch { break }
                        state.stale.removeAll()
                        continue
                    }
                }
                let rateWait = state.rateWake.map { max(0.001, $0.timeIntervalSince(now())) }
                if (!state.unflushed.isEmpty || rateWait != nil) && !state.tickPending {
                    state.tickPending = true
                    let interval = [state.unflushed.isEmpty ? nil : flushInterval, rateWait].compactMap { $0 }.min() ?? flushInterval
                    let sleep = self.sleep
                    group.addTask {
                        try? await sleep(interval)
                        return .tick
                    }
                }
                guard let event = try await group.next() else { continue }
                switch event {
                case .tick:
                    state.tickPending = false
                    try flush(&state)
                case .answered(let message, let result, let attemptedAt):
                    state.inFlightTotal -= 1
                    state.inFlight[message.webhook, default: 0] -= 1
                    handle(message, result, attemptedAt: attemptedAt, state: &state)
                    if state.unflushed.count >= batchSize { try flush(&state) }
                }
                if now().timeIntervalSince(state.staleClearedAt) > 1 {
                    state.stale.removeAll()
                    state.staleClearedAt = now()
                }
            }
            // Cancel a pending tick so the group can close at once.
            group.cancelAll()
        }
        try flush(&state)
        return state.stats
    }

    /// Seconds to sleep before looking again, or nil to return.
    private func idleWait(_ mode: Mode, state: RunState) throws -> Double? {
        let next = try queue.nextDue(webhooks: order)
        let current = now()
        // An alert due now but held back by `rate` waits its turn, in either mode.
        if let wake = state.rateWake, let due = next, due <= current { return max(0.01, wake.timeIntervalSince(current)) }
        // A failing webhook is warned about at its `failing_after`, attempt or not.
        let reportDue = state.health.values.compactMap(\.reportDue).min()
        switch mode {
        case .drain(let linger):
            guard let next, next.timeIntervalSince(current) <= linger else { return nil }
            return max(0.01, next.timeIntervalSince(current))
        case .forever(let poll):
            let wake = [next, reportDue].compactMap { $0 }.min()
            guard let wake else { return poll }
            return min(poll, max(0.01, wake.timeIntervalSince(current)))
        }
    }

    /// Starts requests while webhooks and the total have room.
    private func fill(_ state: inout RunState, group: inout ThrowingTaskGroup<Event, any Error>) throws {
        state.lastFill = now()
        state.rateWake = nil
        var progress = true
        while progress && state.inFlightTotal < totalInFlight {
            progress = false
            for name in order where state.inFlightTotal < totalInFlight {
                guard let builder = builders[name], state.inFlight[name, default: 0] < builder.endpoint.maxInFlight else {
                    continue
                }
                // Over its `rate`, an alert waits its turn (never dropped).
                if let next = state.nextSend[name], next > state.lastFill {
                    state.rateWake = min(state.rateWake ?? next, next)
                    continue
                }
                if state.buffer[name, default: []].isEmpty {
                    guard !state.stale.contains(name) else { continue }
                    let fetched = try queue.due(webhook: name, now: state.lastFill, excluding: state.busy[name, default: []],
                                                limit: batchSize)
                    if fetched.count < batchSize { state.stale.insert(name) }
                    state.buffer[name] = fetched.reversed()
                }
                guard let message = state.buffer[name]?.popLast() else { continue }
                if let spacing = builder.endpoint.spacingSeconds {
                    state.nextSend[name] = max(state.nextSend[name] ?? state.lastFill, state.lastFill).addingTimeInterval(spacing)
                }
                progress = true
                state.inFlightTotal += 1
                state.inFlight[name, default: 0] += 1
                state.busy[name, default: []].insert(message.id)
                let attemptedAt = now()
                let request = builder.request(id: message.developmentID, alert: message.alert, now: attemptedAt)
                let transport = self.transport
                group.addTask {
                    .answered(message, await transport.send(request), attemptedAt: attemptedAt)
                }
            }
        }
    }

    /// Decides what the answer means, logs it, and queues the record.
    private func handle(_ message: OutboxMessage, _ result: HTTPResult, attemptedAt: Date, state: inout RunState) {
        let attempt = message.attempts + 1
        let endpoint = builders[message.webhook]?.endpoint
        var policy = RetryPolicy(maxRetrySeconds: endpoint?.maxRetrySeconds ?? 24 * 3600)
        policy.schedule = retrySchedule.isEmpty ? policy.schedule : retrySchedule
        let current = now()
        let action = policy.action(for: result.outcome, attempt: attempt, queuedAt: message.queuedAt, now: current,
                                   random: random(), discordBody: endpoint?.format == .discord)
        var metadata: Logger.Metadata = [
            "webhook.name": "\(message.webhook)", "development.id": "\(message.developmentID)",
            "delivery.attempt": "\(attempt)", "delivery.duration_ms": "\(Int(result.durationMs.rounded()))",
        ]
        let status: Int?
        let error: String?
        switch result.outcome {
        case .success(let response):
            status = response.status
            metadata["http.status"] = "\(response.status)"
            error = (200..<300).contains(response.status) ? nil : Self.describe(response)
        case .failure(let failure):
            status = nil
            error = failure.description
        }
        if let error { metadata["error"] = "\(error)" }
        let next: DeliveryAttempt.Next
        switch action {
        case .delivered:
            next = .delivered
            state.stats.delivered += 1
            logger.info("alert delivered", metadata: metadata)
        case .retry(let delay):
            next = .retry(at: current.addingTimeInterval(delay))
            state.stats.retried += 1
            metadata["delivery.retry_in_s"] = "\(String(format: "%.1f", delay))"
            logger.info("delivery failed; will retry", metadata: metadata)
        case .park(let reason):
            next = .dead
            state.stats.parked += 1
            metadata["reason"] = "\(reason)"
            logger.error("alert parked as dead; `storywatch redeliver` sends it again", metadata: metadata)
        }
        state.unflushed.append(DeliveryAttempt(outboxID: message.id, attemptedAt: attemptedAt, status: status, error: error,
                                             durationMs: result.durationMs, next: next))
        let change = state.health[message.webhook, default: EndpointHealth(threshold: healthThreshold)]
            .record(success: action == .delivered, error: error ?? "", now: current)
        if let change { report(change, webhook: message.webhook, state: state) }
    }

    /// Warns about webhooks failing for their whole threshold since the last attempt.
    private func reportOverdue(_ state: inout RunState) {
        let current = now()
        for name in order {
            if let change = state.health[name]?.check(now: current) { report(change, webhook: name, state: state) }
        }
    }

    private func report(_ change: EndpointHealth.Change, webhook: String, state: RunState) {
        switch change {
        case .down(let since, let lastError):
            logger.warning("webhook failing for a long time", metadata: [
                "webhook.name": "\(webhook)", "webhook.failing_since": "\(since)", "error": "\(lastError)",
            ])
        case .recovered(let since):
            logger.notice("webhook recovered", metadata: ["webhook.name": "\(webhook)", "webhook.failing_since": "\(since)"])
        }
        onHealthChange(state.health.filter { $0.value.isDown }.keys.sorted())
    }

    /// Writes answered attempts in one transaction and frees their ids for fetching again.
    private func flush(_ state: inout RunState) throws {
        guard !state.unflushed.isEmpty else { return }
        try queue.record(state.unflushed)
        for record in state.unflushed {
            for name in state.busy.keys { state.busy[name]?.remove(record.outboxID) }
        }
        state.unflushed.removeAll(keepingCapacity: true)
    }

    /// A failed answer in a few words: status, Location of a redirect, the start of the body.
    static func describe(_ response: HTTPResponse) -> String {
        var text = "HTTP \(response.status)"
        if (300..<400).contains(response.status) {
            text += ": redirect not followed" + (response.headers["location"].map { " (Location: \($0))" } ?? "")
        }
        let body = String(decoding: response.body.prefix(200), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if !body.isEmpty { text += ": " + body }
        return text
    }
}

/// The worker's bookkeeping for one run.
private struct RunState {
    var inFlight: [String: Int] = [:]
    var inFlightTotal = 0
    /// Ids sent and not yet recorded, per webhook: never fetched again meanwhile.
    var busy: [String: Set<Int64>] = [:]
    var buffer: [String: [OutboxMessage]] = [:]
    /// Webhooks whose last fetch came back short: not asked again until something changes.
    var stale: Set<String> = []
    var unflushed: [DeliveryAttempt] = []
    var tickPending = false
    var lastFill = Date()
    var staleClearedAt = Date()
    var health: [String: EndpointHealth] = [:]
    var stats = DeliveryWorker.Stats()
    /// Per webhook with a `rate`: the earliest the next request may start.
    var nextSend: [String: Date] = [:]
    /// The earliest `nextSend` that held a webhook back in the last fill.
    var rateWake: Date?

    init(webhooks: [String], threshold: Double) {
        for name in webhooks { health[name] = EndpointHealth(threshold: threshold) }
    }
}
