import ArgumentParser
import StorywatchService

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A storyline or a development: its events in order with status, date, document and quote, the turns marked.",
        discussion: "A turn names the event it turns from (\"from #N\"), or quotes it when it is no longer kept.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stateOptions: StateOptions

    @Argument(help: "A storyline id (see `storywatch storylines`) or a development id (an alert's id).")
    var id: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let result = try reporting { try ShowUseCase.run(stateOptions.request(global), id: id) }
        switch result {
        case .storyline(let timeline):
            if json { return printLine(jsonText(timeline)) }
            TimelineText.lines(timeline).forEach(printLine)
        case .development(let detail):
            if json { return printLine(jsonText(detail)) }
            printLine("development \(detail.id) [\(detail.kind)] \(detail.summary)")
            printLine("storyline \(detail.storyline), document \(detail.document)")
            for event in detail.storylineEvents {
                TimelineText.lines(event, marked: event.turn?.id == detail.id).forEach(printLine)
            }
        }
    }
}

/// The text form of a timeline, shared by `show` for storylines and developments.
enum TimelineText {
    static func lines(_ timeline: StorylineTimeline) -> [String] {
        var header = "storyline \(timeline.id) (\(timeline.sides.joined(separator: " – "))): "
            + "\(plural(timeline.events.count, "event")), \(plural(timeline.developments, "development"))"
        if let muted = timeline.muted { header += muted.until.map { ", muted until \($0)" } ?? ", muted" }
        return [header] + timeline.events.flatMap { lines($0, marked: false) }
    }

    /// "  #2 2026-03-03 refused SANCTION/expel BLR → NOR  2026/03/x.txt", the quote, and the turn.
    static func lines(_ e: TimelineEvent, marked: Bool) -> [String] {
        let parties = [e.source ?? "?", e.target].compactMap { $0 }.joined(separator: " → ")
        var head = "\(marked ? "▶" : " ") #\(e.index) \(e.date ?? "undated") \(e.status) \(e.type ?? "-")/\(e.mode) \(parties)"
        if let saidBy = e.saidBy { head += " (said by \(saidBy))" }
        if e.background { head += " [background]" }
        var out = [head + "  " + e.document, "      “\(e.quote)”"]
        if let turn = e.turn {
            var line = "      turn: [\(turn.kind)] \(turn.summary) (\(turn.id))"
            if let previous = turn.previous { line += " from #\(previous)" }
            out.append(line)
            if let quote = turn.previousQuote {
                out.append("      before: “\(quote)” (\(turn.previousDocument ?? ""))")
            }
        }
        return out
    }
}
