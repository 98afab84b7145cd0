import ArgumentParser
import Foundation
import StorywatchConfig
import StorywatchModel
import StorywatchService

import StorywatchStore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Files, items, storylines, developments and outbox depth in the state.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    func run() throws {
        var config = try global.loadConfig()
        if let state { config.state = absolute(state) }
        do {
            let store = try Store.open(directory: config.state)
            let damage = try store.integrityProblems()
            if !damage.isEmpty { throw StoreError.damaged(path: config.state + "/state.sqlite", problems: damage) }
            let counts = try store.counts()
            printLine("state:        \(config.state)")
            printLine("files:        \(counts.documents)")
            printLine("items:        \(counts.items)")
            printLine("storylines:   \(counts.storylines)")
            printLine("developments: \(counts.developments)")
            printLine("outbox:       \(counts.outboxPending) pending, \(counts.outboxDead) dead")
            printLine("integrity:    ok (quick_check)")
            try printWebhooks(store: store, config: config)
        } catch let error as StoreError {
            throw failure(error, exit: 2)
        }
    }
}

extension Status {
    /// Why the daemon parks `hook` (its secret unusable), as far as this process can tell: a
    /// credential is only checked where $CREDENTIALS_DIRECTORY is set (inside the unit).
    func parkReason(_ hook: WebhookConfig?) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let hook else { return nil }
        if case .credential = hook.secret, environment["CREDENTIALS_DIRECTORY"] == nil { return nil }
        return ConfigCheck.secretProblem(hook, environment: environment)
    }

    /// Pending and dead deliveries per webhook, the dead and the pending alerts listed (design §4).
    func printWebhooks(store: Store, config: StorywatchConfig) throws {
        let counts = try store.outboxCountsByWebhook()
        let names = config.webhooks.map(\.name) + counts.map(\.webhook).filter { name in
            !config.webhooks.contains { $0.name == name }
        }
        for name in names {
            let c = counts.first { $0.webhook == name } ?? WebhookOutboxCounts(webhook: name)
            let known = config.webhooks.contains { $0.name == name } ? "" : " (not in the config)"
            printLine("webhook \(name)\(known): \(c.pending) pending, \(c.dead) dead, \(c.delivered) delivered")
            if let problem = parkReason(config.webhooks.first { $0.name == name }) { printLine("  PARKED: \(problem)") }
            for state in [OutboxState.dead, .pending] {
                let limit = 20
                let entries = try store.outboxEntries(state: state, webhook: name, limit: limit + 1)
                for entry in entries.prefix(limit) {
                    var line = "  \(state.rawValue) #\(entry.id) \(entry.developmentID) [\(entry.kind)] attempts \(entry.attempts)"
                    if state == .pending { line += ", next \(Self.stamp(entry.nextAttemptAt))" }
                    if let error = entry.lastError { line += ": \(error)" }
                    printLine(line)
                }
                if entries.count > limit {
                    let total = state == .dead ? c.dead : c.pending
                    printLine("  … \(total - limit) more \(state.rawValue)")
                }
            }
        }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }
}
