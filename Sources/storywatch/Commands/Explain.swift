import ArgumentParser
import Foundation
import StorywatchModel
import StorywatchService

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
        let explanation = try reporting {
            try ExplainUseCase.run(file: absolute(file), displayPath: file, withState: state != nil,
                                   request: global.request(state: state), logger: global.makeLogger())
        }
        let document = explanation.document
        let order = document.layout.isNewestFirst ? " (newest first: events run bottom to top)" : ""
        printLine("\(document.path): layout \(document.layout.rawValue)\(order), \(document.items.count) item(s)\(document.date.map { ", dated \($0)" } ?? "")")
        for warning in document.warnings { printLine("warning: \(warning)") }
        for item in document.items {
            printLine("")
            printLine("[\(item.position)] \(item.kind.rawValue)\(item.date.map { " \($0)" } ?? "")\(item.headline.map { " — \($0)" } ?? "")")
            printLine("    " + item.text.replacingOccurrences(of: "\n", with: "\n    "))
            for e in explanation.events where e.itemHash == item.hash {
                printLine("    ⇒ " + EventJSON.text(e.event, line: nil))
                printLine("      sentence: \(e.event.quote)")
                printLine("      trigger:  \(e.trigger)")
                for actor in e.actors { printLine("      actor:    \(actor)") }
                for cue in e.cues { printLine("      cue:      \(cue)") }
                if let verdict = e.tracking { printLine("      tracking: \(verdict)") }
            }
        }
    }
}
