import ArgumentParser
import Foundation
import Logging
import StorywatchConfig
import StorywatchDeliver
import StorywatchService
import StorywatchStore

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
        var config = try global.loadConfig()
        if let state { config.state = absolute(state) }
        let logger = global.makeLogger()
        guard !config.webhooks.isEmpty else {
            printError("no [[webhook]] in the config: nothing to deliver to")
            throw ExitCode(1)
        }
        do {
            let lock = try StateLock.acquire(directory: config.state) // a running daemon delivers itself
            defer { withExtendedLifetime(lock) {} }
            let store = try Store.open(directory: config.state)
            let stats = try await CurlTransport.with { transport in
                let worker = DeliveryService.worker(config: config, store: store, transport: transport, logger: logger)
                return try await worker.run(once ? .drain(linger: max(0, linger)) : .forever(pollInterval: 1))
            }
            logger.info("delivery pass done", metadata: [
                "delivery.delivered": "\(stats.delivered)", "delivery.retried": "\(stats.retried)",
                "delivery.parked": "\(stats.parked)",
            ])
        } catch let error as StoreError {
            throw failure(error, exit: error.exitStatus)
        } catch let error as DeliveryError {
            throw failure(error, exit: 1)
        }
    }
}
