import ArgumentParser
import Foundation
import StorywatchConfig

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the config: exit 0, or print every problem and exit 1.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.loadConfig(required: true)
        printLine("config OK: corpus \(config.corpus ?? "(none)"), state \(config.state), \(config.webhooks.count) webhook(s)")
    }
}
