import Logging
import ServiceLifecycle
import UnixSignals

/// SIGTERM or SIGINT: logs which and returns, which shuts the group down gracefully. The signals
/// are trapped when the daemon starts, so one that arrives while the store opens or the
/// lexicon loads stops the daemon the same way once its services run.
struct StopSignalService: Service {
    let signals: UnixSignalsSequence
    let logger: Logger

    func run() async throws {
        for await signal in signals.cancelOnGracefulShutdown() {
            logger.notice("stopping", metadata: ["signal": "\(signal)"])
            return
        }
    }
}
