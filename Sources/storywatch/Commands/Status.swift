import ArgumentParser
import Foundation
import StorywatchService

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Whether the daemon is alive, what the state holds, and each webhook's deliveries.",
        discussion: """
            Per webhook: pending, dead and delivered alerts, the last success and the last failure \
            with its reason, and PARKED with the reason when its secret is unusable. The daemon is \
            alive when its heartbeat (written every 30 s) is recent. The state is checked with \
            PRAGMA quick_check: exit status 2 when it is damaged. A host with no state says so and \
            creates none.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stateOptions: StateOptions

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    @Flag(help: "Also list the pending and dead alerts of each webhook (20 of each at most).")
    var pending = false

    func run() throws {
        let summary = try reporting { try StatusUseCase.run(stateOptions.request(global), listing: pending) }
        if json { return printLine(jsonText(summary)) }
        Self.lines(summary).forEach(printLine)
        if pending { summary.webhooks.forEach(printRows) }
    }

    static func lines(_ s: StatusSummary) -> [String] {
        var out = ["state:        \(s.state)", "daemon:       \(daemon(s.daemon))",
                   "files:        \(s.files)", "items:        \(s.items)", "storylines:   \(s.storylines)",
                   "developments: \(s.developments)", "outbox:       \(s.outboxPending) pending, \(s.outboxDead) dead",
                   "integrity:    \(s.integrity) (quick_check)"]
        for w in s.webhooks {
            var line = "webhook \(w.name)\(w.inConfig ? "" : " (not in the config)"): \(w.pending) pending, \(w.dead) dead, "
                + "\(w.delivered) delivered"
            line += "; last success " + (w.lastSuccess.map(stamp) ?? "never")
            if let failure = w.lastFailure {
                line += "; last failure \(stamp(failure)) (\(w.lastFailureReason ?? ""))"
            }
            out.append(line)
            if let problem = w.parked { out.append("  PARKED: \(problem)") }
        }
        return out
    }

    static func daemon(_ d: DaemonState) -> String {
        let at = d.heartbeat.map(stamp) ?? ""
        return switch d.state {
        case "alive": "alive (pid \(d.pid ?? 0), heartbeat \(at))"
        case "stopped": "stopped at \(at)"
        case "silent": "not running: no heartbeat since \(at) (pid \(d.pid ?? 0) was killed or is hung)"
        default: "never ran over this state"
        }
    }

    /// The dead and the pending rows of one webhook (design §4), and how many more there are.
    func printRows(_ w: WebhookStatus) {
        for (state, entries, total) in [("dead", w.deadEntries ?? [], w.dead), ("pending", w.pendingEntries ?? [], w.pending)] {
            for entry in entries {
                var line = "  \(w.name) \(state) #\(entry.id) \(entry.developmentID) [\(entry.kind)] attempts \(entry.attempts)"
                if state == "pending" { line += ", next \(Self.stamp(entry.nextAttemptAt))" }
                if let error = entry.lastError { line += ": \(error)" }
                printLine(line)
            }
            if total > StatusUseCase.listLimit {
                printLine("  … \(total - StatusUseCase.listLimit) more \(state)")
            }
        }
    }

    static func stamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
