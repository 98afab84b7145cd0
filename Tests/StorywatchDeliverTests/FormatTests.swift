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

    @Test func payload_whenSlack_hasTextWithSummaryQuoteAndContext() throws {
        // Given an alert whose quote contains Slack control characters and a link form
        let alert = Fixtures.alert(quote: "Officials said <https://evil.example|click> & <!channel> was \"final\".")

        // When formatted for Slack
        let payload = PayloadFormatter.payload(alert: alert.jsonData(), for: Self.endpoint(.slack))
        let object = try Self.object(payload)

        // Then text holds the kind, summary, quote and context, escaped; unfurling is off
        #expect(payload.contentType == "application/json")
        #expect(Set(object.keys) == ["text", "unfurl_links", "unfurl_media"])
        #expect(object["unfurl_links"] as? Bool == false)
        #expect(object["unfurl_media"] as? Bool == false)
        let lines = try #require(object["text"] as? String).split(separator: "\n").map(String.init)
        #expect(lines == [
            "*Reversal*: The union reversed its stance on the offer",
            "> Officials said &lt;https://evil.example|click&gt; &amp; &lt;!channel&gt; was \"final\".",
            "_JPN – JPN · 2026/port-strike.txt · 2026-04-18_",
        ])
    }

    @Test func payload_whenDiscord_hasContentAndNoMentions() throws {
        let payload = PayloadFormatter.payload(alert: Fixtures.alert().jsonData(), for: Self.endpoint(.discord))
        let object = try Self.object(payload)
        #expect(Set(object.keys) == ["content", "allowed_mentions"])
        #expect((object["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        #expect(object["content"] as? String == """
            **Reversal**: The union reversed its stance on the offer
            > The union rejected the port operator's offer on Friday.
            *JPN – JPN · 2026/port-strike.txt · 2026-04-18*
            """)
    }

    @Test func payload_whenDiscordQuoteIsLong_truncatesQuoteToTwoThousand() throws {
        // Given a 5,000-character quote
        let quote = String(repeating: "Ceasefire talks continued. ", count: 185)
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(quote: quote).jsonData(), for: Self.endpoint(.discord))

        // Then the content fits 2,000 characters, keeps the summary and context, and the quote ends in …
        let content = try #require(try Self.object(payload)["content"] as? String)
        #expect(content.utf16.count <= 2_000)
        #expect(content.utf16.count > 1_900)
        let lines = content.split(separator: "\n").map(String.init)
        #expect(lines.first == "**Reversal**: The union reversed its stance on the offer")
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.last == "*JPN – JPN · 2026/port-strike.txt · 2026-04-18*")
    }

    @Test func payload_whenSlackQuoteIsLong_staysWithinLimit() throws {
        let quote = String(repeating: "ab ", count: 3_000)
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(quote: quote).jsonData(), for: Self.endpoint(.slack))
        let text = try #require(try Self.object(payload)["text"] as? String)
        #expect(text.utf16.count <= 4_000)
        #expect(text.hasPrefix("*Reversal*: The union reversed"))
    }

    @Test func payload_whenTeams_isWorkflowsMessageWithAdaptiveCard() throws {
        let payload = PayloadFormatter.payload(alert: Fixtures.alert().jsonData(), for: Self.endpoint(.teams))
        let object = try Self.object(payload)
        #expect(object["type"] as? String == "message")
        let attachments = try #require(object["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        #expect(attachments[0]["contentUrl"] is NSNull)
        let card = try #require(attachments[0]["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(card["version"] as? String == "1.4")
        #expect(card["$schema"] as? String == "http://adaptivecards.io/schemas/adaptive-card.json")
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body.count == 4)
        #expect(body[0]["text"] as? String == "Reversal")
        #expect(body[0]["weight"] as? String == "Bolder")
        #expect(body[1]["text"] as? String == "The union reversed its stance on the offer")
        #expect(body[2]["text"] as? String == "“The union rejected the port operator's offer on Friday.”")
        #expect(body[3]["type"] as? String == "FactSet")
        let facts = try #require(body[3]["facts"] as? [[String: String]])
        #expect(facts == [["title": "Storyline", "value": "JPN – JPN"], ["title": "Document", "value": "2026/port-strike.txt"],
                          ["title": "Date", "value": "2026-04-18"]])
    }

    @Test func payload_whenTeamsQuoteIsHuge_staysWithinTwentyEightKilobytes() throws {
        let quote = String(repeating: "é", count: 40_000)
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(quote: quote).jsonData(), for: Self.endpoint(.teams))
        #expect(payload.body.count <= 28_000)
        #expect(payload.body.count > 27_000)
    }

    @Test(arguments: [(DevelopmentKind.violation, 4), (.retaliation, 4), (.reversal, 3), (.fulfilled, 3),
                      (.escalation, 2), (.deEscalation, 2), (.update, 2)])
    func payload_whenNtfy_hasTitleMessageAndPriorityByKind(kind: DevelopmentKind, priority: Int) throws {
        // Given an ntfy webhook whose URL names the topic
        let endpoint = Self.endpoint(.ntfy, url: "https://ntfy.example.org/news-alerts")

        // When an alert of `kind` is formatted
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(kind: kind).jsonData(), for: endpoint)
        let object = try Self.object(payload)

        // Then every field is there
        let title = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        #expect(object["topic"] as? String == "news-alerts")
        #expect(object["title"] as? String == "storywatch: \(title)")
        #expect(object["priority"] as? Int == priority)
        #expect(object["tags"] as? [String] == ["storywatch", kind.rawValue])
        #expect(object["message"] as? String == """
            The union reversed its stance on the offer
            “The union rejected the port operator's offer on Friday.”
            JPN – JPN · 2026/port-strike.txt · 2026-04-18
            """)
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
