import Foundation
import StorywatchConfig
import StorywatchDeliver
import StorywatchModel
import StorywatchService
import StorywatchTesting
import Testing

/// The delivery keys of a `[[webhook]]` table and how they reach the deliver stage.
struct DeliveryConfigTests {
    private static func parse(_ text: String) throws(ConfigError) -> StorywatchConfig {
        try ConfigLoader(environment: [:]).parse(text: text, file: "test.toml")
    }

    @Test func parse_whenMaxInFlightAndPriorities_readsThem() throws {
        let config = try Self.parse("""
            [[webhook]]
            name = "phone"
            url = "https://ntfy.example.org/alerts"
            format = "ntfy"
            max_in_flight = 2
            [webhook.priorities]
            update = "min"
            violation = 5
            """)
        let hook = try #require(config.webhooks.first)
        #expect(hook.maxInFlight == 2)
        #expect(hook.priorities == [.update: 1, .violation: 5])

        // And the endpoint keeps the defaults for the other kinds
        let endpoint = try DeliveryService.endpoint(hook, environment: [:])
        #expect(endpoint.maxInFlight == 2)
        #expect(endpoint.ntfyPriorities[.update] == 1)
        #expect(endpoint.ntfyPriorities[.violation] == 5)
        #expect(endpoint.ntfyPriorities[.retaliation] == 4)
        #expect(endpoint.ntfyPriorities[.reversal] == 3)
    }

    @Test func parse_whenPriorityOrInFlightInvalid_reportsBoth() {
        let error = #expect(throws: ConfigError.self) {
            try Self.parse("""
                [[webhook]]
                name = "phone"
                url = "https://ntfy.example.org/alerts"
                max_in_flight = 0
                [webhook.priorities]
                update = "loud"
                """)
        }
        #expect(error?.problems.map { $0.key ?? "" } == ["webhook[1].max_in_flight", "webhook[1].priorities.update"])
    }

    @Test func endpoint_whenSecretFromCredential_readsEveryLine() throws {
        // Given a credentials folder with two secrets (rotation) and a comment
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-cred-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("# ops webhook\n\(Fixtures.secret)\nwhsec_c2Vjb25k\n".utf8).write(to: URL(fileURLWithPath: directory + "/ops"))
        var hook = WebhookConfig(name: "ops", url: "https://hooks.example.org/x")
        hook.secret = .credential("ops")

        // When the endpoint is built
        let endpoint = try DeliveryService.endpoint(hook, environment: ["CREDENTIALS_DIRECTORY": directory])

        // Then both secrets are there
        #expect(endpoint.secrets == [Fixtures.secret, "whsec_c2Vjb25k"])
    }

    @Test func endpoint_whenSecretFileMissing_throwsNamingThePath() {
        var hook = WebhookConfig(name: "ops", url: "https://hooks.example.org/x")
        hook.secret = .file("/nonexistent/ops.secret")
        #expect(throws: DeliveryError.unreadableSecret(webhook: "ops", path: "/nonexistent/ops.secret")) {
            try DeliveryService.endpoint(hook, environment: [:])
        }
    }
}
