import ArgumentParser
import Foundation
import StorywatchConfig
import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import StorywatchService
import StorywatchStore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an article's items, sentences and events, and the words and rules behind them.",
        discussion: """
            For each item: its kind and date; for each event: the trigger word, the dictionary entries \
            behind its actors, and the cues that set its status. With --state, the storylines each \
            event touches and why a development would or would not be raised (nothing is written).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article to explain.")
    var file: String

    @Option(help: "State folder whose storylines the events are compared with (read only).")
    var state: String?

    func run() throws {
        var config = try global.loadConfig()
        if let state { config.state = absolute(state) }
        let logger = global.makeLogger()
        let ingestor = Ingestor(maxFileBytes: config.maxFileBytes)
        let parsed: IngestedFile
        do {
            parsed = try ingestor.ingest(absolutePath: absolute(file), relativePath: file)
        } catch {
            throw failure(error, exit: 1)
        }
        let document = parsed.document
        let order = document.layout.isNewestFirst ? " (newest first: events run bottom to top)" : ""
        printLine("\(document.path): layout \(document.layout.rawValue)\(order), \(document.items.count) item(s)\(document.date.map { ", dated \($0)" } ?? "")")
        for warning in document.warnings { printLine("warning: \(warning)") }
        let extractor = try ExtractorFactory.make(config: config, logger: logger, explains: true)
        let events = extractor.extract(document: document)
        var verdicts: [Int: String] = [:]
        if state != nil {
            do {
                let store = try Store.open(directory: config.state)
                let lines = try StorylineExplainer(store: store, windowDays: config.windowDays).explain(events)
                for (extracted, line) in lines { verdicts[extracted.event.order] = line }
            } catch let error as StoreError {
                throw failure(error, exit: 2)
            }
        }
        for item in document.items {
            printLine("")
            printLine("[\(item.position)] \(item.kind.rawValue)\(item.date.map { " \($0)" } ?? "")\(item.headline.map { " — \($0)" } ?? "")")
            printLine("    " + item.text.replacingOccurrences(of: "\n", with: "\n    "))
            for e in events where e.itemHash == item.hash {
                printLine("    ⇒ " + EventJSON.text(e.event, line: nil))
                printLine("      sentence: \(e.event.quote)")
                printLine("      trigger:  \(e.evidence.trigger)")
                for actor in e.evidence.actors { printLine("      actor:    \(actor)") }
                for cue in e.evidence.cues { printLine("      cue:      \(cue)") }
                if let verdict = verdicts[e.event.order] { printLine("      tracking: \(verdict)") }
            }
        }
    }
}
