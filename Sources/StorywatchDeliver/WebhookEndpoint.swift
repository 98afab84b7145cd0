import StorywatchModel

/// A webhook as the deliver stage sees it: the config's `[[webhook]]` table with its secrets read.
/// Built by the service from `WebhookConfig`, so this stage does not depend on the config's parser.
package struct WebhookEndpoint: Sendable, Equatable {
    /// The payload shape a receiver expects.
    package enum Format: String, Sendable, CaseIterable {
        case cloudevents, slack, discord, teams, ntfy
    }

    package var name: String
    package var url: String
    package var format: Format
    /// Standard Webhooks secrets (`whsec_…`); several sign with each (rotation); empty = unsigned.
    package var secrets: [String]
    /// Extra request headers; they never replace the webhook-* or Content-Type headers.
    package var headers: [String: String]
    /// Total time for one request, seconds.
    package var timeoutSeconds: Double
    /// How long a failing alert is retried before it is parked as dead, seconds.
    package var maxRetrySeconds: Double
    /// Requests in flight to this endpoint at most.
    package var maxInFlight: Int
    /// ntfy priority (1 min … 5 max) per development kind.
    package var ntfyPriorities: [DevelopmentKind: Int]
    /// `link_template`: "https://news.example.org/{path}" links the document in chat formats.
    package var linkTemplate: String?
    /// Seconds between two requests at least (the webhook's `rate`); nil = as fast as it answers.
    package var spacingSeconds: Double?

    package init(name: String, url: String, format: Format = .cloudevents, secrets: [String] = [],
                 headers: [String: String] = [:], timeoutSeconds: Double = 10, maxRetrySeconds: Double = 24 * 3600,
                 maxInFlight: Int = 4, ntfyPriorities: [DevelopmentKind: Int] = WebhookEndpoint.defaultNtfyPriorities,
                 spacingSeconds: Double? = nil) {
        self.name = name
        self.url = url
        self.format = format
        self.secrets = secrets
        self.headers = headers
        self.timeoutSeconds = timeoutSeconds
        self.maxRetrySeconds = maxRetrySeconds
        self.maxInFlight = max(1, maxInFlight)
        self.ntfyPriorities = ntfyPriorities
        self.spacingSeconds = spacingSeconds
    }

    /// Violation and retaliation high (4), reversal and fulfilled default (3), the rest low (2).
    package static let defaultNtfyPriorities: [DevelopmentKind: Int] = [
        .violation: 4, .retaliation: 4, .reversal: 3, .fulfilled: 3,
        .escalation: 2, .deEscalation: 2, .update: 2, .new: 2,
    ]
}
