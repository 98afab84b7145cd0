import Foundation
import Glibc
import Logging
import ServiceLifecycle
import StorywatchConfig
import StorywatchHTTP
import StorywatchStore

/// What the daemon runs for the operator beside its pipeline: the heartbeat `status` reads, and
/// the `[http]` listener (StorywatchHTTP) when one is configured, handed the live report and the
/// health check read from the daemon's `WorkProgress`.
package enum OperatorServices {
    /// The heartbeat writer, then the listener if any. Throws `HTTPListenerError` when the
    /// listener cannot be set up (an unreadable token file).
    package static func make(config: StorywatchConfig, store: Store, progress: WorkProgress,
                             environment: [String: String], logger: Logger) throws -> [any Service] {
        var services: [any Service] = [HeartbeatWriter(store: store, logger: logger)]
        if let http = config.http {
            var stallAfter = Duration.seconds(120)
            #if DEBUG
            // Tests stall the pipeline on purpose (`TestStall`) and need not wait two minutes.
            if let seconds = environment["STORYWATCH_TEST_STALL_AFTER"].flatMap(Int.init) { stallAfter = .seconds(seconds) }
            #endif
            let health = HealthCheck(progress: progress, stallAfter: stallAfter)
            let report = Report(store: store, linkTemplate: Report.linkTemplate(config))
            services.append(try HTTPListener(http: http, store: store, lastScan: { progress.lastDocumentAt },
                                             health: { health.problem() }, page: { try report.html() }, logger: logger))
            PipelineMetrics.enable() // the listener has bootstrapped the Prometheus factory
        }
        return services
    }
}

/// Writes the daemon's pid and the time to the state every 30 s, and pid 0 when it stops, so that
/// `status` can tell whether a daemon is alive.
package struct HeartbeatWriter: Service {
    package static let interval: Duration = .seconds(30)
    let store: Store
    let logger: Logger

    package func run() async throws {
        await cancelWhenGracefulShutdown { [store, logger] in
            while !Task.isCancelled {
                do {
                    try store.writeHeartbeat(pid: getpid())
                } catch {
                    logger.debug("heartbeat not written", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
        try? store.writeHeartbeat(pid: 0)
    }
}
