import Logging
import ServiceLifecycle
import StorywatchConfig
import UnixSignals

/// SIGHUP: the config file re-read; a valid one replaces the running one (the deliverer
/// restarts with the new webhooks), an invalid one is logged and the running one stays.
struct ReloadService: Service {
    let context: DaemonContext
    /// The file re-read; nil when the config came from flags only.
    let path: String?
    /// Trapped when the daemon starts: a SIGHUP during start-up waits here instead of killing it.
    let hangups: UnixSignalsSequence

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            context.reload(path: path)
        }
    }
}

extension DaemonContext {
    /// SIGHUP: RELOADING=1, re-read and check the file; apply it or keep the running config.
    func reload(path: String?) {
        try? notifier?.reloading()
        defer { try? notifier?.ready(status: statusLine()) }
        guard let path else {
            logger.warning("reload requested but the daemon was started without --config; nothing to re-read")
            return
        }
        let running = current.snapshot.config
        do {
            var fresh = try ConfigLoader(environment: environment).load(path: path)
            if fresh.corpus != running.corpus || fresh.state != running.state {
                logger.warning("corpus and state changes need a restart; keeping the running ones",
                               metadata: ["corpus": "\(running.corpus ?? "")", "state": "\(running.state)"])
                fresh.corpus = running.corpus
                fresh.state = running.state
            }
            // Exactly what `check-config` checks: secrets, corpus, state, dictionaries.
            let extractor = try ConfigCheck.validate(fresh, file: path, environment: environment, logger: logger)
            current.replace(config: fresh, extractor: extractor)
            logger.notice("configuration reloaded", metadata: ["config": "\(path)",
                                                               "webhooks": "\(fresh.webhooks.map(\.name).joined(separator: ","))"])
        } catch {
            logger.error("configuration not reloaded, the running one stays: \(error)", metadata: ["config": "\(path)"])
        }
    }
}
