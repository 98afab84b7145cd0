import ArgumentParser
import Foundation
import StorywatchConfig
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
        let config = try global.loadConfig(required: true)
        let environment = ProcessInfo.processInfo.environment
        do {
            _ = try ConfigCheck.validate(config, file: global.configPath, environment: environment, logger: global.makeLogger())
        } catch {
            throw failure(error, exit: 1)
        }
        printLine((StderrLogHandler.stderrIsJournal(environment: environment, descriptor: 1) ? "<6>" : "") + "config OK: corpus \(config.corpus ?? "(none)"), state \(config.state), \(config.webhooks.count) webhook(s)")
    }
}
