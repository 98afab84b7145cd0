import Foundation
import StorywatchModel

/// The payload shape a webhook receives.
package enum WebhookFormat: String, Sendable, CaseIterable {
    case cloudevents, slack, discord, teams, ntfy
}

/// Where a webhook's signing secret comes from; secrets are read at delivery time.
package enum SecretSource: Sendable, Equatable {
    /// Written in the config: `secret = "whsec_…"` (or an array for rotation).
    case inline([String])
    /// `secret_file = "/etc/storywatch/ops.secret"`: one secret a line.
    case file(String)
    /// `secret_credential = "ops"`: a file under `$CREDENTIALS_DIRECTORY` (systemd LoadCredential=).
    case credential(String)
}

/// One `[[webhook]]` table.
package struct WebhookConfig: Sendable, Equatable {
    /// Unique name, used in logs, `status`, `test-webhook NAME`.
    package var name: String
    /// http or https URL.
    package var url: String
    /// Payload format (default cloudevents).
    package var format: WebhookFormat = .cloudevents
    /// Kinds sent to this webhook; empty = the `[detect] kinds`.
    package var kinds: [DevelopmentKind] = []
    /// Actor codes (prefixes) of which one must appear in the development; empty = all.
    package var actors: [String] = []
    package var secret: SecretSource?
    /// Extra request headers.
    package var headers: [String: String] = [:]
    /// Total request timeout in seconds (default 10).
    package var timeoutSeconds: Double = 10
    /// How long a failing alert is retried before it is parked as dead (default 24).
    package var maxRetryHours: Double = 24
    /// Requests in flight to this webhook at most (default 4).
    package var maxInFlight: Int = 4
    /// ntfy priority (1 min … 5 max) per kind, over the defaults (violation and retaliation 4,
    /// reversal and fulfilled 3, the rest 2).
    package var priorities: [DevelopmentKind: Int] = [:]
    /// "https://news.example.org/{path}": chat formats link the document through it (default none).
    package var linkTemplate: String?
    /// At most this many alerts per period ("1/s"); over it they wait their turn. nil = no limit.
    package var rate: WebhookRate?
    /// Seconds a webhook fails before it is warned about (default 300, "5m").
    package var failingAfterSeconds: Double = 300
    /// Whether a link-local or cloud-metadata target is allowed (default false).
    package var allowLinkLocal = false

    package init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    /// Whether a development of `kind` involving `codes` goes to this webhook.
    package func accepts(kind: DevelopmentKind, actorCodes codes: [String], defaultKinds: [DevelopmentKind]) -> Bool {
        let allowed = kinds.isEmpty ? defaultKinds : kinds
        guard allowed.contains(kind) else { return false }
        guard !actors.isEmpty else { return true }
        return codes.contains { code in actors.contains { code.hasPrefix($0) } }
    }
}

/// `[http]`: the optional listener for /metrics, /healthz and the live report (issue #15).
package struct HTTPConfig: Sendable, Equatable {
    /// Address to bind: an IPv4 address, `localhost`, or an IPv6 address (written `[::1]:PORT`).
    package var host: String
    package var port: Int
    /// A file holding the bearer token every request must carry; required off loopback.
    package var tokenFile: String?

    package init(host: String, port: Int, tokenFile: String? = nil) {
        self.host = host
        self.port = port
        self.tokenFile = tokenFile
    }

    /// 127.0.0.0/8, ::1 or localhost.
    package var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The whole configuration (design §4). Each key is documented in etc/storywatch.toml.
package struct StorywatchConfig: Sendable, Equatable {
    /// Absolute path of the folder of articles.
    package var corpus: String?
    /// Absolute path of the state folder.
    package var state: String
    /// Globs a file must match (empty = every file).
    package var include: [String] = []
    /// Globs that exclude files.
    package var exclude: [String] = []
    /// Files larger than this are skipped with a warning.
    package var maxFileBytes: Int64 = 20 * 1024 * 1024
    /// Folder of operator dictionaries added to the shipped ones.
    package var dictionaries: String = "/etc/storywatch/dictionaries"
    /// Development kinds that alert.
    package var kinds: [DevelopmentKind] = DevelopmentKind.allCases.filter { $0 != .new }
    /// Days between consecutive events of one storyline before it starts afresh.
    package var windowDays: Int = 730
    /// Whether the first scan of a non-empty corpus alerts (false: it records history silently).
    package var alertOnFirstScan = true
    /// Delivered outbox rows and their attempts older than this many days are pruned.
    package var retainDays: Int = 30
    package var webhooks: [WebhookConfig] = []
    /// The `[http]` listener; nil (the default) for none.
    package var http: HTTPConfig?

    /// Defaults, with the state folder from the environment (design §4).
    package init(environment: [String: String] = [:]) {
        state = Self.defaultState(environment: environment)
    }

    /// `$STATE_DIRECTORY` (first entry when systemd lists several), else /var/lib/storywatch.
    package static func defaultState(environment: [String: String]) -> String {
        if let dirs = environment["STATE_DIRECTORY"], let first = dirs.split(separator: ":").first, !first.isEmpty {
            return String(first)
        }
        return "/var/lib/storywatch"
    }
}

/// A webhook's `rate`: `count` alerts per `seconds` at most.
package struct WebhookRate: Sendable, Equatable, CustomStringConvertible {
    package var count: Int
    package var seconds: Double

    package init(count: Int, seconds: Double) {
        self.count = count
        self.seconds = seconds
    }

    /// "1/s", "20/min", "100/h", "5/10s"; nil when it is none of these.
    package init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0].trimmingCharacters(in: .whitespaces)), count > 0 else { return nil }
        var unit = parts[1].trimmingCharacters(in: .whitespaces)
        if unit.first.map({ !$0.isNumber }) ?? true { unit = "1" + unit }
        guard let seconds = Duration.seconds(parsing: unit), seconds > 0 else { return nil }
        self.init(count: count, seconds: seconds)
    }

    /// Seconds between two alerts at this rate.
    package var spacing: Double { seconds / Double(count) }

    package var description: String { "\(count)/\(seconds)s" }
}

extension Duration {
    /// "30s", "5m", "5min", "2h", "1d", or a bare number of seconds; nil otherwise.
    package static func seconds(parsing text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value >= 0 else { return nil }
        let units: [String: Double] = ["": 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3_600, "hour": 3_600, "d": 86_400]
        guard let scale = units[String(trimmed.dropFirst(digits.count)).trimmingCharacters(in: .whitespaces)] else { return nil }
        return value * scale
    }
}
