import Foundation

/// One POST to send.
package struct HTTPRequest: Sendable {
    package var url: String
    /// Header lines in order, names as given.
    package var headers: [(name: String, value: String)]
    package var body: Data
    /// Total time allowed, seconds; the connect phase gets at most this too.
    package var timeoutSeconds: Double

    package init(url: String, headers: [(name: String, value: String)], body: Data, timeoutSeconds: Double) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
    }

    /// The value of the first header named `name` (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// What a receiver answered.
package struct HTTPResponse: Sendable, Equatable {
    package var status: Int
    /// Response headers, names lowercased (the last of repeated names wins).
    package var headers: [String: String]
    /// The body, cut at the transport's cap.
    package var body: Data
    package var bodyTruncated: Bool

    package init(status: Int, headers: [String: String] = [:], body: Data = Data(), bodyTruncated: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
    }
}

/// A request that got no complete HTTP answer: no connection, a timeout, a reset mid-response.
package struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        case timeout, connect, resolve, tls, interrupted
        /// The request itself is wrong (bad URL, unsupported scheme): retrying will not help.
        case invalidRequest
        case other
    }

    package var kind: Kind
    /// libcurl's code, or 0 for failures raised by a fake transport.
    package var code: Int
    /// libcurl's error buffer (or strerror) text.
    package var message: String

    package init(kind: Kind, code: Int = 0, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    package var isRetryable: Bool { kind != .invalidRequest }

    package var description: String { code == 0 ? message : "curl error \(code): \(message)" }
}

/// One attempt's result and how long it took.
package struct HTTPResult: Sendable {
    package var outcome: Result<HTTPResponse, TransportFailure>
    package var durationMs: Double

    package init(outcome: Result<HTTPResponse, TransportFailure>, durationMs: Double) {
        self.outcome = outcome
        self.durationMs = durationMs
    }
}

/// Sends requests. The real one is `CurlTransport`; tests may pass a fake.
/// Implementations must complete every call (a timeout is a result, not a hang).
package protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async -> HTTPResult
}
