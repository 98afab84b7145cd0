import ArgumentParser
import StorywatchConfig
import StorywatchModel
import StorywatchService
import Foundation
import StorywatchExtract
import StorywatchService
import StorywatchStore

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
        var config = try global.loadConfig()
        if let corpus { config.corpus = absolute(corpus) }
        if let state { config.state = absolute(state) }
        let logger = global.makeLogger()
        do {
            let store = try Store.open(directory: config.state)
            let extractor = try ExtractorFactory.make(config: config, logger: logger)
            var pass = ScanPass(config: config, store: store, extractor: extractor, logger: logger)
            pass.baseline = baseline
            let alerts = try pass.runCatchUp()
            for alert in alerts {
                printLine(format == .jsonl ? alert.jsonLine() : alert.textLine())
            }
        } catch let error as StoreError {
            throw failure(error, exit: 2)
        } catch let error as ScanError {
            throw failure(error, exit: 2)
        }
    }
}

/// Resolves a command-line path against the working directory.
func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
}
