import Foundation
import StorywatchConfig
import StorywatchDeliver

/// `storywatch test-webhook`: a sample alert sent through the real delivery path; nothing recorded.
package enum TestWebhookUseCase {
    /// What the webhook answered.
    package enum Answer: Sendable {
        /// The body decoded as UTF-8, cut at 2,000 bytes; `truncated` when it was cut (here or by the transport).
        case response(status: Int, body: String, truncated: Bool)
        case failure(String)
    }

    /// What the retry policy would do with the answer on a first attempt.
    package enum Verdict: Sendable, Equatable {
        case delivered
        case retry(afterSeconds: Double)
        case park(reason: String)
    }

    package struct Report: Sendable {
        /// Scheme, host and port only: a path, query or password may carry a token.
        package var url: String
        package var webhookID: String
        package var durationMs: Double
        package var answer: Answer
        package var verdict: Verdict
    }

    /// Throws `DeliveryError` (an unknown webhook, an unreadable secret), `ConfigError`.
    package static func run(name: String, request: ConfigRequest) async throws -> Report {
        let config = try request.load()
        let test = try await CurlTransport.with { transport in
            try await DeliveryService.testWebhook(name: name, config: config, transport: transport)
        }
        let answer: Answer = switch test.result.outcome {
        case .success(let response):
            .response(status: response.status, body: String(decoding: response.body.prefix(2_000), as: UTF8.self),
                      truncated: response.bodyTruncated)
        case .failure(let failure): .failure(failure.description)
        }
        let verdict: Verdict = switch test.action {
        case .delivered: .delivered
        case .retry(let after): .retry(afterSeconds: after)
        case .park(let reason): .park(reason: reason)
        }
        return Report(url: WebhookTarget.redacted(url: test.request.url), webhookID: test.request.header("webhook-id") ?? "",
                      durationMs: test.result.durationMs, answer: answer, verdict: verdict)
    }
}
