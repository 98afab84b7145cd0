import ArgumentParser
import Foundation
import StorywatchConfig
import StorywatchExtract
import StorywatchHTTP
import StorywatchService
import StorywatchStore
import StorywatchWatch

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The daemon: watch the corpus, process each new or changed article, deliver alerts.",
        discussion: """
            Sets up inotify watches, runs a catch-up scan (the same pass as `scan`), then processes \
            files as they are closed or renamed into the corpus and delivers alerts to the webhooks. \
            Speaks sd_notify when $NOTIFY_SOCKET is set (READY=1, STATUS=, WATCHDOG=1, RELOADING=1, \
            STOPPING=1). SIGHUP re-reads the config (an invalid one is logged and ignored); SIGTERM \
            finishes the document in hand and exits 0, leaving undelivered alerts in the outbox. \
            Exit status 1 when the corpus is deleted, moved or unmounted; 2 when the state cannot be opened or is \
            not a sound storywatch store; 75 when another `run` or `deliver` holds the state; 78 when the config is refused.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Folder of articles (overrides the config's `corpus`).")
    var corpus: String?

    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    func run() async throws {
        var config = try global.loadConfig(required: corpus == nil, exitCode: 78)
        if let corpus { config.corpus = absolute(corpus) }
        if let state { config.state = absolute(state) }
        let logger = global.makeLogger()
        let configPath = global.config ?? (corpus == nil ? "/etc/storywatch/storywatch.toml" : nil)
        do {
            var daemon = Daemon(config: config, configPath: configPath, logger: logger)
            daemon.listener = HTTPListener.factory(logger: logger)
            try await daemon.run()
        } catch let error as WatchError {
            throw failure(error, exit: 1)
        } catch let error as ScanError {
            throw failure(error, exit: 2)
        } catch let error as StoreError {
            throw failure(error, exit: error.exitStatus)
        } catch let error as DictionaryError {
            throw failure(error, exit: 1)
        } catch let error as HTTPListenerError {
            throw failure(error, exit: 1)
        } catch {
            // SQLite's own errors too go out with a priority, a damaged file as such.
            if let damaged = StoreError.corruption(error, directory: config.state) { throw failure(damaged, exit: 2) }
            throw failure("\(error)", exit: 1)
        }
    }
}
