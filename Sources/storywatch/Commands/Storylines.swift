import ArgumentParser
import Foundation
import StorywatchModel
import StorywatchService

struct Storylines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The storylines in the state, one line each: id, sides, last turn, events, developments, last date.",
        discussion: "The latest first. Muted storylines are marked.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stateOptions: StateOptions

    @Flag(help: "Print a JSON array of storylines instead of text.")
    var json = false

    @Option(help: "Only storylines with a side whose code starts with CODE (a root such as NOR, or a full code).")
    var actor: String?

    @Option(help: "Only storylines with an event on or after DATE (YYYY-MM-DD).", transform: parseDay)
    var since: Day?

    func run() throws {
        let storylines = try reporting { try StorylinesUseCase.run(stateOptions.request(global), actor: actor, since: since) }
        if json {
            printLine(jsonText(storylines))
            return
        }
        if storylines.isEmpty { printLine("no storylines") }
        let width = storylines.map(\.id.count).max() ?? 0
        for s in storylines {
            printLine(Self.line(s, idWidth: width))
        }
    }

    /// "ARM-AZE   ARM – AZE   violation   3 events   1 development   last 2026-04-20   muted".
    static func line(_ s: StorylineSummary, idWidth: Int) -> String {
        var parts = [s.id.padding(toLength: idWidth, withPad: " ", startingAt: 0), s.sides.joined(separator: " – ")]
        parts.append(s.lastTurn.map { "last turn \($0)" } ?? "no turn")
        parts.append(plural(s.events, "event"))
        parts.append(plural(s.developments, "development"))
        parts.append("last \(s.lastDate ?? "undated")")
        if let muted = s.muted { parts.append(muted.until.map { "muted until \($0)" } ?? "muted") }
        return parts.joined(separator: "  ")
    }
}

func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
