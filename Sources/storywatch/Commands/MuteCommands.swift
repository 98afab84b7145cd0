import ArgumentParser
import StorywatchModel
import StorywatchService

struct MuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mute",
        abstract: "Silence a storyline's alerts: its developments are still recorded and shown, but sent to no webhook.",
        discussion: "Alerts already queued are still sent. `storywatch unmute ID` lifts it.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stateOptions: StateOptions

    @Argument(help: "The storyline id (see `storywatch storylines`).")
    var id: String

    @Option(help: "Last muted day (YYYY-MM-DD, inclusive). Default: until unmuted.", transform: parseDay)
    var until: Day?

    func run() throws {
        try reporting { try MuteUseCase.mute(stateOptions.request(global), id: id, until: until) }
        printLine("muted \(id)" + (until.map { " until \($0)" } ?? ""))
    }
}

struct Unmute: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lift a storyline's mute: its next developments alert again.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stateOptions: StateOptions

    @Argument(help: "The storyline id.")
    var id: String

    func run() throws {
        let lifted = try reporting { try MuteUseCase.unmute(stateOptions.request(global), id: id) }
        printLine(lifted ? "unmuted \(id)" : "\(id) was not muted")
    }
}
