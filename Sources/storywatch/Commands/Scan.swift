import ArgumentParser
import StorywatchModel
import StorywatchService

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One incremental pass over the corpus: process what changed, print the alerts.",
        discussion: "A second pass with no change prints nothing. Flags override the config.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Folder of articles (required without a config that names one).")
    var corpus: String?

    @Option(help: "State folder. Default: $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    @Option(help: "Output format: text (one readable line per alert) or jsonl (one CloudEvents object per line).")
    var format: OutputFormat = .text

    @Flag(help: "Record the corpus's developments without alerting: no outbox rows, nothing printed (a first start on an archive).")
    var baseline = false

    func run() throws {
        let logger = global.makeLogger()
        let alerts = try reporting { try ScanUseCase.run(global.request(corpus: corpus, state: state), baseline: baseline, logger: logger) }
        for alert in alerts {
            printLine(format == .jsonl ? alert.jsonLine() : alert.textLine())
        }
    }
}
