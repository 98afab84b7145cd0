import Foundation
import StorywatchDeliver
import Testing

struct RetryPolicyTests {
    private static let queued = Date(timeIntervalSince1970: 1_000_000)

    private static func answer(_ status: Int, _ headers: [String: String] = [:], body: String = "")
        -> Result<HTTPResponse, TransportFailure> {
        .success(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    private static func decide(_ result: Result<HTTPResponse, TransportFailure>, attempt: Int = 1, after: Double = 0,
                               random: Double = 0.5, maxHours: Double = 24, discord: Bool = false) -> RetryAction {
        RetryPolicy(maxRetrySeconds: maxHours * 3_600)
            .action(for: result, attempt: attempt, queuedAt: queued, now: queued.addingTimeInterval(after), random: random,
                    discordBody: discord)
    }

    @Test(arguments: [200, 201, 202, 204, 299])
    func action_when2xx_isDelivered(status: Int) {
        #expect(Self.decide(Self.answer(status)) == .delivered)
    }

    @Test(arguments: [500, 502, 503, 504, 408, 429])
    func action_whenRetryableStatus_retriesAfterFiveSeconds(status: Int) {
        // Given a first attempt answered with a retryable status and no Retry-After, no jitter
        // Then the retry comes after the schedule's first step, 5 s
        #expect(Self.decide(Self.answer(status)) == .retry(after: 5))
    }

    @Test(arguments: [TransportFailure.Kind.timeout, .connect, .resolve, .tls, .interrupted, .other])
    func action_whenTransportFails_retries(kind: TransportFailure.Kind) {
        #expect(Self.decide(.failure(TransportFailure(kind: kind, message: "boom"))) == .retry(after: 5))
    }

    @Test func action_whenRequestInvalid_parks() {
        let action = Self.decide(.failure(TransportFailure(kind: .invalidRequest, code: 3, message: "URL malformed")))
        #expect(action == .park(reason: "curl error 3: URL malformed"))
    }

    @Test(arguments: [400, 401, 403, 404, 410, 413, 422])
    func action_whenOther4xx_parksAtOnce(status: Int) {
        #expect(Self.decide(Self.answer(status)) == .park(reason: "HTTP \(status): permanent failure"))
    }

    @Test(arguments: [301, 302, 307, 308])
    func action_whenRedirect_parksAndSaysSo(status: Int) {
        let action = Self.decide(Self.answer(status, ["location": "https://elsewhere.example/"]))
        #expect(action == .park(reason: "HTTP \(status): redirect to https://elsewhere.example/ not followed"))
    }

    @Test func action_whenAttemptsGrow_followsSchedule() {
        // Given successive 503s with no jitter
        let delays = (1...8).map { attempt -> Double? in
            if case .retry(let after) = Self.decide(Self.answer(503), attempt: attempt, maxHours: 1_000) { return after }
            return nil
        }
        // Then the delays are 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 10 h
        #expect(delays == [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 36_000])
    }

    @Test(arguments: [(0.0, 4.0), (0.999_999, 6.0), (0.25, 4.5)])
    func action_whenJittered_staysWithinTwentyPercent(random: Double, expected: Double) throws {
        let action = Self.decide(Self.answer(500), random: random)
        guard case .retry(let after) = action else {
            Issue.record("expected a retry, got \(action)")
            return
        }
        #expect(abs(after - expected) < 0.001)
    }

    @Test(arguments: [("1", 1.0), ("120", 120.0), ("0", 1.0), ("86400", 3_600.0)])
    func action_when429WithRetryAfterSeconds_waitsRetryAfterClamped(header: String, expected: Double) {
        #expect(Self.decide(Self.answer(429, ["retry-after": header]), attempt: 3) == .retry(after: expected))
    }

    @Test func action_when503WithRetryAfterDate_waitsUntilThatDate() {
        // Given a Retry-After date 90 s after now
        let now = Self.queued.addingTimeInterval(10)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let header = formatter.string(from: now.addingTimeInterval(90))

        // Then the retry waits 90 s
        #expect(Self.decide(Self.answer(503, ["retry-after": header]), after: 10) == .retry(after: 90))
    }

    @Test func action_whenDiscord429WithBodyRetryAfter_honoursIt() {
        let answer = Self.answer(429, body: #"{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}"#)
        #expect(Self.decide(answer, discord: true) == .retry(after: 2.5))
    }

    @Test func action_whenRetryWouldPassTheDeadline_parks() {
        // Given a message queued 23.99 h ago whose next retry would come after 24 h
        let action = Self.decide(Self.answer(503), attempt: 6, after: 23.99 * 3_600)

        // Then it is parked as dead
        guard case .park(let reason) = action else {
            Issue.record("expected park, got \(action)")
            return
        }
        #expect(reason.hasPrefix("gave up after 6 attempts"))
    }

    @Test func action_whenMaxRetryIsZero_parksFirstFailure() {
        guard case .park = Self.decide(Self.answer(503), maxHours: 0) else {
            Issue.record("expected park")
            return
        }
    }
}
