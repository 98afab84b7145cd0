import ArgumentParser
import Foundation
import StorywatchService

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the config: exit 0, or print every problem and exit 1.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let summary = try reporting { try CheckConfigUseCase.run(global.request(required: true)) }
        printLine("config OK: corpus \(summary.corpus ?? "(none)"), state \(summary.state), \(summary.webhookCount) webhook(s)")
    }
}
