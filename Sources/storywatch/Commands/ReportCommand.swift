import ArgumentParser
import Foundation
import StorywatchModel
import StorywatchService

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page of storyline timelines.",
        discussion: """
            Each storyline is a line of dots, one per event coloured by status, with its turns as \
            diamonds coloured by kind; below it every event with its date, status, quote and \
            document, and each turn with its summary and the event it turns from. The page loads \
            nothing from the network. Documents are links when a webhook has a `link_template`.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "The HTML file to write.")
    var html: String

    @Option(help: "Only storylines with an event on or after DATE (YYYY-MM-DD).", transform: parseDay)
    var since: Day?

    func run() throws {
        try reporting { try ReportUseCase.run(stateOptions.request(global), since: since, file: absolute(html)) }
    }
}
