import CoreMetrics
import Foundation
import Hummingbird
import Logging
import Prometheus
import Synchronization
import ServiceLifecycle
import StorywatchConfig
import StorywatchService
import StorywatchStore

/// The optional `[http]` listener (hummingbird): `/metrics` (Prometheus text), `/healthz` (200, or
/// 503 with the reason when the pipeline is stalled) and `/` (the HTML report, live). With a
/// `token_file`, every request needs `Authorization: Bearer TOKEN`.
package struct HTTPListener: Service {
    let http: HTTPConfig
    let token: String?
    let metrics: StateMetrics
    let health: HealthCheck
    let report: Report
    let logger: Logger

    /// The daemon's factory (`Daemon.listener`): the process-wide registry.
    package static func factory(logger: Logger) -> ListenerFactory {
        { parts in try HTTPListener(parts, registry: registry, logger: logger) }
    }

    /// Reads the token file now: an unreadable or empty one is an error at start.
    package init(_ parts: ListenerParts, registry: PrometheusCollectorRegistry, logger: Logger) throws(HTTPListenerError) {
        http = parts.http
        if let path = parts.http.tokenFile {
            guard let data = FileManager.default.contents(atPath: path),
                  case let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty else { throw .unreadableToken(path) }
            token = text
        } else {
            token = nil
        }
        metrics = StateMetrics(registry: registry, store: parts.store, progress: parts.progress)
        health = HealthCheck(progress: parts.progress, stallAfter: parts.stallAfter)
        report = Report(store: parts.store, linkTemplate: parts.linkTemplate)
        self.logger = logger
    }

    /// The process-wide swift-metrics factory, bootstrapped once, so the pipeline's counters land
    /// in `registry`.
    package static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        PipelineMetrics.enable()
        return registry
    }()

    package func run() async throws {
        // The daemon stops its tasks by cancelling them, which the server reports as an error
        // ("Waiting on child channel: CancellationError"); its own lines stay out of the log, and a
        // failure to bind still ends the daemon with the error.
        var serverLogger = logger
        serverLogger.logLevel = .critical
        let app = Application(router: router(), configuration: .init(address: .hostname(http.host, port: http.port),
                                                                     serverName: nil),
                              logger: serverLogger)
        logger.info("http listener", metadata: ["http.listen": "\(http.host):\(http.port)"])
        try await app.run()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        if let token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        router.get("/metrics") { _, _ -> Response in
            let text = try metrics.scrape()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/healthz") { _, _ -> Response in
            let problem = health.problem()
            return Response(status: problem == nil ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: (problem ?? "ok") + "\n")))
        }
        router.get("/") { _, _ -> Response in
            let page = try report.html()
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8",
                                                   .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'"],
                            body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        return router
    }
}

/// Refuses requests without the configured bearer token (401), comparing in constant time.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let given = request.headers[.authorization] ?? ""
        let expected = "Bearer " + token
        var difference = given.utf8.count ^ expected.utf8.count
        for (a, b) in zip(given.utf8, expected.utf8) { difference |= Int(a ^ b) }
        guard difference == 0 else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }
}

package enum HTTPListenerError: Error, CustomStringConvertible {
    case unreadableToken(String)

    package var description: String {
        switch self {
        case .unreadableToken(let path): "http.token_file \(path) cannot be read or is empty"
        }
    }
}
