import Foundation

/// What to do with a message after an attempt.
package enum RetryAction: Sendable, Equatable {
    case delivered
    /// Try again after this many seconds.
    case retry(after: Double)
    /// Give up: a permanent failure, or the retry time is spent. The reason is for the log and `status`.
    case park(reason: String)
}

/// Decides retries (design §4): 5xx, 408, 429, timeouts and connection errors retry on a schedule
/// close to 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h … with ±20% jitter, until `maxRetrySeconds`
/// after the message was queued; a Retry-After replaces the computed delay, clamped to 1 s – 1 h.
/// 3xx and other 4xx are permanent. A plain value with no I/O: the caller passes the time and
/// a random number, so tests never sleep.
package struct RetryPolicy: Sendable, Equatable {
    /// Delay before retry n (1-based); the last entry repeats.
    package var schedule: [Double] = [5, 300, 1_800, 7_200, 18_000, 36_000]
    /// Fraction of the delay added or removed at random (0.2 = ±20%).
    package var jitter: Double = 0.2
    package var maxRetrySeconds: Double
    package var retryAfterRange: ClosedRange<Double> = 1...3_600

    package init(maxRetrySeconds: Double = 24 * 3600) {
        self.maxRetrySeconds = maxRetrySeconds
    }

    /// The action after attempt number `attempt` (1 = the first send) of a message queued at
    /// `queuedAt`. `random` is uniform in 0..<1 and picks the jitter.
    package func action(for result: Result<HTTPResponse, TransportFailure>, attempt: Int, queuedAt: Date, now: Date,
                        random: Double, discordBody: Bool = false) -> RetryAction {
        let hinted: Double?
        switch result {
        case .success(let response):
            switch response.status {
            case 200..<300:
                return .delivered
            case 300..<400:
                let location = response.headers["location"].map { " to \($0)" } ?? ""
                return .park(reason: "HTTP \(response.status): redirect\(location) not followed")
            case 408, 429, 500..<600:
                hinted = retryAfter(response, now: now, discordBody: discordBody)
            default:
                return .park(reason: "HTTP \(response.status): permanent failure")
            }
        case .failure(let failure):
            guard failure.isRetryable else { return .park(reason: failure.description) }
            hinted = nil
        }
        let delay: Double
        if let hinted {
            delay = min(max(hinted, retryAfterRange.lowerBound), retryAfterRange.upperBound)
        } else {
            let base = schedule[min(max(attempt, 1), schedule.count) - 1]
            delay = base * (1 + jitter * (2 * min(max(random, 0), 1) - 1))
        }
        let deadline = queuedAt.addingTimeInterval(maxRetrySeconds)
        guard now.addingTimeInterval(delay) <= deadline else {
            return .park(reason: "gave up after \(attempt) attempts over \(Self.span(now.timeIntervalSince(queuedAt)))")
        }
        return .retry(after: delay)
    }

    /// Retry-After (seconds or date), else Discord's JSON `retry_after` on a 429.
    private func retryAfter(_ response: HTTPResponse, now: Date, discordBody: Bool) -> Double? {
        if let value = response.headers["retry-after"], let seconds = RetryAfter.seconds(value, now: now) {
            return seconds
        }
        guard discordBody, response.status == 429,
              let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else { return nil }
        return (object["retry_after"] as? NSNumber)?.doubleValue
    }

    static func span(_ seconds: Double) -> String {
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        if seconds < 7_200 { return "\(Int((seconds / 60).rounded())) min" }
        return "\(Int((seconds / 3_600).rounded())) h"
    }
}
