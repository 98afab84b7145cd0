import ArgumentParser
import Foundation
import StorywatchService

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the config: exit 0, or print every problem and exit 1.",
        discussion: """
            Beyond the file itself: reads every secret file and credential and checks the whsec_ form, \
            checks that the corpus is a folder, that the state folder is writable, that the [http] \
            token_file holds a token and that the dictionaries load. A reload (SIGHUP) runs the same checks and applies nothing on any problem.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let logger = global.makeLogger()
        let summary = try reporting { try CheckConfigUseCase.run(global.request(required: true), logger: logger) }
        // Under journald on stdout too, the line carries its priority (<6>, info).
        let journal = StderrLogHandler.stderrIsJournal(environment: ProcessInfo.processInfo.environment, descriptor: 1)
        printLine((journal ? "<6>" : "") + "config OK: corpus \(summary.corpus ?? "(none)"), state \(summary.state), \(summary.webhookCount) webhook(s)")
    }
}
