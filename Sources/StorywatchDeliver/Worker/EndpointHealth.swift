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
    /// How long a webhook must fail before it is reported (default 10 minutes).
    package var threshold: Double

    package init(threshold: Double = 600) { self.threshold = threshold }

    /// Records an attempt's result at `now`; returns a change to report, if any.
    package mutating func record(success: Bool, error: String = "", now: Date) -> Change? {
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

    /// True once reported down and not yet recovered.
    package var isDown: Bool {
        if case .failing(_, true) = state { return true }
        return false
    }
}
