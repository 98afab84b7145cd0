import ArgumentParser
import StorywatchService

struct Redeliver: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue dead or past deliveries again; `deliver` (or the daemon) then sends them.",
        discussion: """
            IDs are outbox row numbers or alert (development) ids, as `status` lists them. Queued rows \
            start a fresh retry window. With --webhook and an alert id, the alert is queued for that \
            webhook even if it never went there.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    @Argument(help: "Outbox row numbers or alert ids.")
    var ids: [String] = []

    @Flag(help: "Queue every dead delivery again.")
    var dead = false

    @Option(help: "Only deliveries to this webhook.")
    var webhook: String?

    func validate() throws {
        if ids.isEmpty == !dead { throw ValidationError("give alert ids or --dead (not both)") }
    }

    func run() throws {
        let count = try reporting {
            try RedeliverUseCase.run(ids: ids, dead: dead, webhook: webhook, request: global.request(state: state))
        }
        printLine("queued \(count) deliver\(count == 1 ? "y" : "ies") again")
        if count == 0 && !dead { throw ExitCode(1) }
    }
}
