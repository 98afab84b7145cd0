import ArgumentParser
import StorywatchConfig
import StorywatchModel
import StorywatchService
import Foundation
import StorywatchExtract
import StorywatchIngest
import StorywatchModel

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the items, sentences and events of an article and the words behind them.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article to explain.")
    var file: String

    func run() throws {
        let config = try global.loadConfig()
        let logger = global.makeLogger()
        let ingestor = Ingestor(maxFileBytes: config.maxFileBytes)
        let parsed: IngestedFile
        do {
            parsed = try ingestor.ingest(absolutePath: absolute(file), relativePath: file)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let document = parsed.document
        printLine("\(document.path): layout \(document.layout.rawValue)\(document.layout.isNewestFirst ? " (newest first)" : ""), \(document.items.count) item(s)\(document.date.map { ", dated \($0)" } ?? "")")
        for warning in document.warnings { printLine("warning: \(warning)") }
        let extractor = try ExtractorFactory.make(config: config, logger: logger)
        let events = extractor.extract(document: document)
        for item in document.items {
            printLine("")
            printLine("[\(item.position)] \(item.kind.rawValue)\(item.date.map { " \($0)" } ?? "")\(item.headline.map { " — \($0)" } ?? "")")
            printLine("    " + item.text.replacingOccurrences(of: "\n", with: "\n    "))
            for e in events where e.itemHash == item.hash {
                printLine("    ⇒ " + EventJSON.text(e.event, line: nil))
            }
        }
    }
}
