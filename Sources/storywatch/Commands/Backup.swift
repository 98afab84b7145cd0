import ArgumentParser
import Foundation
import StorywatchService

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the state to FILE with SQLite's online backup (safe while the daemon runs).",
        discussion: "FILE must not exist. Restore by stopping storywatch and putting the copy in place of state.sqlite. Exit status 0; 2 when the state cannot be opened or copied.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    @Argument(help: "The new file to write.")
    var file: String

    func run() throws {
        try reporting { try BackupUseCase.run(to: absolute(file), request: global.request(state: state)) }
        printLine("state backed up to \(absolute(file))")
    }
}
