import ArgumentParser
import Logging
import StorywatchService

struct Deliver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send the alerts waiting in the outbox to their webhooks.",
        discussion: """
            Without --once, runs until interrupted, picking up new alerts as `scan` records them. \
            With --once, exits when the outbox is empty or only holds retries due later than --linger \
            seconds from now (for cron). Exit status 0; 2 when the state cannot be opened; 75 (EX_TEMPFAIL) \
            when `run` or another `deliver` holds the state (the daemon delivers itself).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    @Flag(help: "Drain the outbox, then exit.")
    var once = false

    @Option(help: "With --once: also wait for retries falling due within this many seconds.")
    var linger: Double = 10

    func run() async throws {
        let logger = global.makeLogger()
        let counts = try await reporting {
            try await DeliverUseCase.run(lingerSeconds: once ? linger : nil, request: global.request(state: state),
                                         logger: logger)
        }
        logger.info("delivery pass done", metadata: [
            "delivery.delivered": "\(counts.delivered)", "delivery.retried": "\(counts.retried)",
            "delivery.parked": "\(counts.parked)",
        ])
    }
}
