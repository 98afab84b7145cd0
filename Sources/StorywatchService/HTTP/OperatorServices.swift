import Foundation
import Glibc
import Logging
import ServiceLifecycle
import StorywatchConfig
import StorywatchStore

/// What the `[http]` listener is made from; the daemon fills it in.
package struct ListenerParts: Sendable {
    package var http: HTTPConfig
    package var store: Store
    package var progress: PipelineProgress
    /// Documents in the live report link through it.
    package var linkTemplate: String?
    /// `/healthz` turns 503 when one document is in hand longer.
    package var stallAfter: Duration
}

/// Makes the `[http]` listener (StorywatchHTTP): handed in by the CLI, so that this stage does not
/// link the HTTP server. Throws when the listener cannot be set up (an unreadable token file).
package typealias ListenerFactory = @Sendable (ListenerParts) throws -> any Service

/// What the daemon runs for the operator beside its pipeline: the heartbeat `status` reads, and
/// the `[http]` listener when one is configured.
package enum OperatorServices {
    package static func make(config: StorywatchConfig, store: Store, progress: PipelineProgress, listener: ListenerFactory?,
                             environment: [String: String], logger: Logger) throws -> [any Service] {
        var services: [any Service] = [HeartbeatWriter(store: store, logger: logger)]
        if let http = config.http {
            guard let listener else { throw OperatorServiceError.noListener }
            var stallAfter = Duration.seconds(120)
            #if DEBUG
            // Tests stall the pipeline on purpose (`TestStall`) and need not wait two minutes.
            if let seconds = environment["STORYWATCH_TEST_STALL_AFTER"].flatMap(Int.init) { stallAfter = .seconds(seconds) }
            #endif
            services.append(try listener(ListenerParts(http: http, store: store, progress: progress,
                                                       linkTemplate: Report.linkTemplate(config), stallAfter: stallAfter)))
        }
        return services
    }
}

package enum OperatorServiceError: Error, CustomStringConvertible {
    case noListener

    package var description: String { "[http] is configured but this program has no HTTP listener" }
}

/// Writes the daemon's pid and the time to the state every 30 s, and pid 0 when it stops, so that
/// `status` can tell whether a daemon is alive.
package struct HeartbeatWriter: Service {
    package static let interval: Duration = .seconds(30)
    let store: Store
    let logger: Logger

    package func run() async throws {
        while !Task.isCancelled {
            do {
                try store.writeHeartbeat(pid: getpid())
            } catch {
                logger.debug("heartbeat not written", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: Self.interval)
        }
        try? store.writeHeartbeat(pid: 0)
    }
}
