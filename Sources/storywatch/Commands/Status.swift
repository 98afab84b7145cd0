import ArgumentParser
import StorywatchConfig
import StorywatchModel

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
            let counts = try Store.open(directory: config.state).counts()
            printLine("state:        \(config.state)")
            printLine("files:        \(counts.documents)")
            printLine("items:        \(counts.items)")
            printLine("storylines:   \(counts.storylines)")
            printLine("developments: \(counts.developments)")
            printLine("outbox:       \(counts.outboxPending) pending, \(counts.outboxDead) dead")
        } catch let error as StoreError {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
