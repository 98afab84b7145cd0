import ArgumentParser
import Foundation
import StorywatchService

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Files, items, storylines, developments and outbox depth in the state.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    func run() throws {
        let report = try reporting { try StatusUseCase.run(global.request(state: state)) }
        printLine("state:        \(report.state)")
        printLine("files:        \(report.documents)")
        printLine("items:        \(report.items)")
        printLine("storylines:   \(report.storylines)")
        printLine("developments: \(report.developments)")
        printLine("outbox:       \(report.outboxPending) pending, \(report.outboxDead) dead")
        printLine("integrity:    ok (quick_check)")
        for webhook in report.webhooks { printWebhook(webhook) }
    }
}

extension Status {
    /// Pending and dead deliveries of one webhook, the dead and the pending alerts listed (design §4).
    func printWebhook(_ w: StatusUseCase.WebhookReport) {
        printLine("webhook \(w.name)\(w.inConfig ? "" : " (not in the config)"): \(w.pending) pending, \(w.dead) dead, \(w.delivered) delivered")
        if let problem = w.parked { printLine("  PARKED: \(problem)") }
        for (state, entries, total) in [("dead", w.deadEntries, w.dead), ("pending", w.pendingEntries, w.pending)] {
            for entry in entries {
                var line = "  \(state) #\(entry.id) \(entry.developmentID) [\(entry.kind)] attempts \(entry.attempts)"
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
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }
}
