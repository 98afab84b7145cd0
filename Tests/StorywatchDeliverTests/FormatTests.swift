import Foundation
import StorywatchDeliver
import StorywatchModel
import StorywatchTesting
import Testing

struct FormatTests {
    private static func endpoint(_ format: WebhookEndpoint.Format, url: String = "https://hooks.example.org/x")
        -> WebhookEndpoint {
        WebhookEndpoint(name: "t", url: url, format: format)
    }

    private static func object(_ payload: FormattedPayload) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: payload.body) as? [String: Any])
    }

    @Test func payload_whenCloudEvents_isStoredAlertInStructuredMode() throws {
        // Given a stored alert
        let alert = Fixtures.alert().jsonData()

        // When formatted for a cloudevents webhook
        let payload = PayloadFormatter.payload(alert: alert, for: Self.endpoint(.cloudevents))

        // Then the body is the stored bytes, sent as application/cloudevents+json
        #expect(payload.body == alert)
        #expect(payload.contentType == "application/cloudevents+json")
        let object = try Self.object(payload)
        #expect(object["specversion"] as? String == "1.0")
        #expect(object["id"] as? String == "dev-1")
        #expect(object["type"] as? String == "org.storywatch.development.reversal")
        #expect(object["source"] as? String == "storywatch://test/corpus")
    }

    @Test(arguments: [(DevelopmentKind.violation, 4), (.retaliation, 4), (.reversal, 3), (.fulfilled, 3),
                      (.escalation, 2), (.deEscalation, 2), (.update, 2)])
    func payload_whenNtfy_hasTitleMessageAndPriorityByKind(kind: DevelopmentKind, priority: Int) throws {
        // Given an ntfy webhook whose URL names the topic
        let endpoint = Self.endpoint(.ntfy, url: "https://ntfy.example.org/news-alerts")

        // When an alert of `kind` is formatted
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(kind: kind).jsonData(), for: endpoint)
        let object = try Self.object(payload)

        // Then every field is there: the kind and storyline as title, an emoji tag first
        let title = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        #expect(object["topic"] as? String == "news-alerts")
        #expect(object["title"] as? String == "\(title): JPN – JPN")
        #expect(object["priority"] as? Int == priority)
        let tags = try #require(object["tags"] as? [String])
        #expect(tags.count == 3 && tags.dropFirst() == ["storywatch", kind.rawValue])
        #expect(tags[0].allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber })
        #expect(object["click"] == nil)
        #expect(object["message"] as? String == """
            The union reversed its stance on the offer
            “The union rejected the port operator's offer on Friday.”
            JPN – JPN · 2026/port-strike.txt · 2026-04-18
            """)
    }

    @Test func payload_whenNtfyHasLinkTemplateAndPrevious_clicksToDocumentAndSaysBefore() throws {
        // Given an ntfy webhook with a link template and an alert with a previous event
        var endpoint = Self.endpoint(.ntfy, url: "https://ntfy.example.org/news")
        endpoint.linkTemplate = "https://news.example.org/{path}"
        let alert = Fixtures.alert(previousQuote: "The union promised to weigh the offer.")

        // When formatted
        let object = try Self.object(PayloadFormatter.payload(alert: alert.jsonData(), for: endpoint))

        // Then a tap opens the document and the message labels the earlier quote
        #expect(object["click"] as? String == "https://news.example.org/2026/port-strike.txt")
        let lines = try #require(object["message"] as? String).split(separator: "\n")
        #expect(lines.contains("before: “The union promised to weigh the offer.” (2026/port-talks.txt)"))
    }

    @Test func link_whenPathHasSpacesAndMarks_isPercentEncodedBySegment() throws {
        // Given a document whose name holds a space, a hash and a question mark
        let alert = try #require(AlertView.decode(Fixtures.alert().jsonData()))
        var view = alert
        view.data.event?.document = "2026/port strike #2?.txt"

        // Then the link keeps the folders and encodes the rest
        #expect(view.link("https://news.example.org/a/{path}") == "https://news.example.org/a/2026/port%20strike%20%232%3F.txt")
        #expect(view.link(nil) == nil)
    }

    @Test func payload_whenNtfyPrioritiesConfigured_usesThem() throws {
        var endpoint = Self.endpoint(.ntfy, url: "https://ntfy.example.org/t")
        endpoint.ntfyPriorities[.update] = 5
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(kind: .update).jsonData(), for: endpoint)
        #expect(try Self.object(payload)["priority"] as? Int == 5)
    }

    @Test func request_whenNtfy_postsToServerRoot() throws {
        let builder = try WebhookRequestBuilder(endpoint: Self.endpoint(.ntfy, url: "https://ntfy.example.org/news-alerts"))
        let request = builder.request(id: "dev-1", alert: Fixtures.alert().jsonData(), now: Date())
        #expect(request.url == "https://ntfy.example.org/")
    }

    @Test func request_whenSigned_hasStandardWebhooksHeadersAndCustomOnes() throws {
        // Given a signed webhook with custom headers, one of which tries to replace webhook-id
        var endpoint = Self.endpoint(.cloudevents)
        endpoint.secrets = [Fixtures.secret]
        endpoint.headers = ["Authorization": "Bearer t0ken", "webhook-id": "forged"]
        let builder = try WebhookRequestBuilder(endpoint: endpoint)

        // When a request is built
        let alert = Fixtures.alert().jsonData()
        let request = builder.request(id: "dev-1", alert: alert, now: Date(timeIntervalSince1970: 1_614_265_330))

        // Then the custom header is kept, webhook-* are ours, and the signature covers the body
        #expect(request.header("Authorization") == "Bearer t0ken")
        #expect(request.headers.filter { $0.name.lowercased() == "webhook-id" }.map(\.value) == ["dev-1"])
        #expect(request.header("webhook-timestamp") == "1614265330")
        #expect(request.header("Content-Type") == "application/cloudevents+json")
        let signer = try WebhookSigner(secrets: [Fixtures.secret], webhook: "t")
        #expect(request.header("webhook-signature") == signer.signature(id: "dev-1", timestamp: 1_614_265_330, body: alert))
        #expect(request.body == alert)
    }
}
