import CoreMetrics
import Foundation
import Hummingbird
import Logging
import Prometheus
import Synchronization
import ServiceLifecycle
import StorywatchConfig
import StorywatchStore

/// The optional `[http]` listener (hummingbird): `/metrics` (Prometheus text), `/healthz` (200, or
/// 503 with the reason when the daemon is stalled) and `/` (the HTML report, live). With a
/// `token_file`, every request needs `Authorization: Bearer TOKEN`. A `Service` of the daemon's
/// group: graceful shutdown stops accepting and finishes the requests in hand.
///
/// It knows nothing of the daemon: the health check and the page are handed in (StorywatchService
/// makes it, so that the CLI needs no import of this module).
package struct HTTPListener: Service {
    let http: HTTPConfig
    let token: String?
    let metrics: StateMetrics
    /// nil when healthy, else the reason.
    let health: @Sendable () -> String?
    /// The HTML report.
    let page: @Sendable () throws -> String
    let logger: Logger

    /// Reads the token file now: an unreadable or empty one is an error at start. `lastScan` is
    /// when the pipeline last finished a document or a pass.
    package init(http: HTTPConfig, store: Store, lastScan: @escaping @Sendable () -> Date?,
                 health: @escaping @Sendable () -> String?, page: @escaping @Sendable () throws -> String,
                 registry: PrometheusCollectorRegistry = HTTPListener.registry, logger: Logger) throws(HTTPListenerError) {
        self.http = http
        if let path = http.tokenFile {
            guard let data = FileManager.default.contents(atPath: path),
                  case let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty else { throw .unreadableToken(path) }
            token = text
        } else {
            token = nil
        }
        metrics = StateMetrics(registry: registry, store: store, lastScan: lastScan)
        self.health = health
        self.page = page
        self.logger = logger
    }

    /// The process-wide swift-metrics factory, bootstrapped once, so the pipeline's counters land
    /// in `registry`.
    package static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    package func run() async throws {
        // The server's own lines stay out of the log; a failure to bind still ends the daemon
        // with the error. The daemon's graceful shutdown reaches the server through the service
        // group's task-local shutdown, so requests in hand are finished.
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
            let problem = health()
            return Response(status: problem == nil ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: (problem ?? "ok") + "\n")))
        }
        router.get("/") { _, _ -> Response in
            let page = try page()
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
