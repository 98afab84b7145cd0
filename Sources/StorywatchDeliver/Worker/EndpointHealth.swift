import Foundation

/// Whether a webhook has been failing for long: a value that changes only on attempts and
/// reports a change once, not once per attempt, so the log and STATUS= say it once.
package struct EndpointHealth: Sendable, Equatable {
    package enum State: Sendable, Equatable {
        case healthy
        /// Every attempt since `since` failed; `reported` once past the threshold.
        case failing(since: Date, reported: Bool)
    }

    package enum Change: Sendable, Equatable {
        /// Failing without a success for at least the threshold.
        case down(since: Date, lastError: String)
        /// Succeeded after having been reported down.
        case recovered(downSince: Date)
    }

    package private(set) var state: State = .healthy
    /// The last failure's error, for a report made between attempts.
    private var lastError = ""
    /// How long a webhook must fail before it is reported (default 10 minutes).
    package var threshold: Double

    package init(threshold: Double = 600) { self.threshold = threshold }

    /// Records an attempt's result at `now`; returns a change to report, if any.
    package mutating func record(success: Bool, error: String = "", now: Date) -> Change? {
        if !success { lastError = error }
        switch (state, success) {
        case (.healthy, true):
            return nil
        case (.healthy, false):
            state = .failing(since: now, reported: threshold <= 0)
            return threshold <= 0 ? .down(since: now, lastError: error) : nil
        case (.failing(let since, let reported), true):
            state = .healthy
            return reported ? .recovered(downSince: since) : nil
        case (.failing(let since, let reported), false):
            guard !reported, now.timeIntervalSince(since) >= threshold else { return nil }
            state = .failing(since: since, reported: true)
            return .down(since: since, lastError: error)
        }
    }

    /// When a failing webhook falls due to be reported; nil when healthy or already reported.
    package var reportDue: Date? {
        guard case .failing(let since, false) = state else { return nil }
        return since.addingTimeInterval(threshold)
    }

    /// Reports a failure that has lasted the threshold even when no attempt falls then (the
    /// retry schedule may wait 30 minutes; the warning must not).
    package mutating func check(now: Date) -> Change? {
        guard let due = reportDue, now >= due, case .failing(let since, _) = state else { return nil }
        state = .failing(since: since, reported: true)
        return .down(since: since, lastError: lastError)
    }

    /// True once reported down and not yet recovered.
    package var isDown: Bool {
        if case .failing(_, true) = state { return true }
        return false
    }
}
