import Foundation
import StorywatchDeliver
import StorywatchModel
import StorywatchTesting
import Testing

/// Slack, Discord and Teams bodies: what a reader sees, and the platform's documented limits
/// (PayloadShapes) kept for ordinary and for oversized alerts.
struct ChatFormatTests {
    static let template = "https://news.example.org/{path}"
    static let huge = String(repeating: "Ceasefire talks <continued> & stalled. ", count: 400)

    static func body(_ format: WebhookEndpoint.Format, _ alert: Alert, link: String? = nil) throws -> [String: Any] {
        var endpoint = WebhookEndpoint(name: "t", url: "https://hooks.example.org/x", format: format)
        endpoint.linkTemplate = link
        return try PayloadShapes.object(PayloadFormatter.payload(alert: alert.jsonData(), for: endpoint).body)
    }

    // MARK: Slack

    @Test func payload_whenSlack_isBlockKitWithHeaderSectionAndContext() throws {
        // Given an alert whose quote holds Slack control characters, with a previous event and a link template
        let alert = Fixtures.alert(quote: "Officials said <https://evil.example|click> & <!channel> was final.",
                                   previousQuote: "The union promised to weigh the offer.")

        // When formatted for Slack
        let object = try Self.body(.slack, alert, link: Self.template)

        // Then the blocks read header, summary with quote, before, context; the fallback text stays
        #expect(PayloadShapes.slackProblems(object) == [])
        #expect(object["text"] as? String == "Reversal: The union reversed its stance on the offer")
        #expect(object["unfurl_links"] as? Bool == false && object["unfurl_media"] as? Bool == false)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section", "context", "context"])
        #expect((blocks[0]["text"] as? [String: Any])?["text"] as? String == "Reversal: JPN – JPN")
        #expect((blocks[1]["text"] as? [String: Any])?["text"] as? String == """
            The union reversed its stance on the offer
            > Officials said &lt;https://evil.example|click&gt; &amp; &lt;!channel&gt; was final.
            """)
        let before = (blocks[2]["elements"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(before == ["before: “The union promised to weigh the offer.” (2026/port-talks.txt)"])
        let context = (blocks[3]["elements"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(context == ["*Reversal*", "JPN – JPN", "2026-04-18",
                            "<https://news.example.org/2026/port-strike.txt|2026/port-strike.txt>"])
    }

    @Test func payload_whenSlackQuoteIsHuge_keepsBlockKitLimits() throws {
        // Given a 16,000-character quote and previous quote
        let object = try Self.body(.slack, Fixtures.alert(quote: Self.huge, previousQuote: Self.huge))

        // Then every block is within its limit and the section still opens with the summary
        #expect(PayloadShapes.slackProblems(object) == [])
        let section = try #require((object["blocks"] as? [[String: Any]])?[1]["text"] as? [String: Any])
        let text = try #require(section["text"] as? String)
        #expect(text.hasPrefix("The union reversed its stance on the offer\n> Ceasefire talks &lt;continued&gt;"))
        #expect(text.hasSuffix("…") && text.utf16.count > 2_900)
    }

    // MARK: Discord

    @Test func payload_whenDiscord_isOneEmbedWithColourFieldsAndLink() throws {
        // Given an alert with a previous event, for a Discord webhook with a link template
        let alert = Fixtures.alert(kind: .violation, previousQuote: "The union promised to weigh the offer.")
        let object = try Self.body(.discord, alert, link: Self.template)

        // Then one embed carries the heading, summary and quote, the kind's colour and the fields
        #expect(PayloadShapes.discordProblems(object) == [])
        #expect((object["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        #expect(object["content"] == nil)
        let embed = try #require((object["embeds"] as? [[String: Any]])?.first)
        #expect(embed["title"] as? String == "Violation: JPN – JPN")
        #expect(embed["url"] as? String == "https://news.example.org/2026/port-strike.txt")
        #expect(embed["description"] as? String == """
            The union reversed its stance on the offer
            > The union rejected the port operator's offer on Friday.
            """)
        #expect(embed["color"] as? Int == 0xD32F2F)
        let fields = try #require(embed["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["Date", "Document", "Before"])
        #expect(fields[1]["value"] as? String == "[2026/port-strike.txt](https://news.example.org/2026/port-strike.txt)")
        #expect(fields[2]["value"] as? String == "“The union promised to weigh the offer.” (2026/port-talks.txt)")
        #expect(embed["timestamp"] as? String != nil)
    }

    @Test(arguments: DevelopmentKind.allCases)
    func payload_whenDiscordKindsDiffer_eachHasItsOwnColour(kind: DevelopmentKind) throws {
        let embed = try #require((try Self.body(.discord, Fixtures.alert(kind: kind))["embeds"] as? [[String: Any]])?.first)
        let colour = try #require(embed["color"] as? Int)
        let others = DevelopmentKind.allCases.filter { $0 != kind }.map { other in
            ((try? Self.body(.discord, Fixtures.alert(kind: other)))?["embeds"] as? [[String: Any]])?.first?["color"] as? Int
        }
        #expect(!others.contains(colour))
    }

    @Test func payload_whenDiscordQuotesAreHuge_keepsEmbedLimits() throws {
        // Given a 16,000-character quote and previous quote
        let object = try Self.body(.discord, Fixtures.alert(quote: Self.huge, previousQuote: Self.huge), link: Self.template)

        // Then the embed keeps Discord's limits, the description using what the 6,000 leave
        #expect(PayloadShapes.discordProblems(object) == [])
        let embed = try #require((object["embeds"] as? [[String: Any]])?.first)
        let description = try #require(embed["description"] as? String)
        #expect(description.hasPrefix("The union reversed its stance on the offer\n> Ceasefire talks"))
        #expect(description.hasSuffix("…") && description.utf16.count > 4_000)
    }

    // MARK: Teams

    @Test func payload_whenTeams_isAdaptiveCardTheSchemaAccepts() throws {
        // Given an alert with a previous event, for a Teams webhook with a link template
        let object = try Self.body(.teams, Fixtures.alert(previousQuote: "The union promised to weigh the offer."),
                                   link: Self.template)

        // Then the Workflows message carries one Adaptive Card 1.4 that keeps the schema
        #expect(object["type"] as? String == "message")
        let attachments = try #require(object["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        #expect(attachments[0]["contentUrl"] is NSNull)
        let card = try #require(attachments[0]["content"] as? [String: Any])
        #expect(PayloadShapes.adaptiveCardProblems(card) == [])
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body.compactMap { $0["text"] as? String } == [
            "Reversal: JPN – JPN", "The union reversed its stance on the offer",
            "“The union rejected the port operator's offer on Friday.”",
            "before: “The union promised to weigh the offer.” (2026/port-talks.txt)",
        ])
        let facts = try #require(body.last?["facts"] as? [[String: String]])
        #expect(facts == [["title": "Storyline", "value": "JPN – JPN"], ["title": "Document", "value": "2026/port-strike.txt"],
                          ["title": "Date", "value": "2026-04-18"]])
        let actions = try #require(card["actions"] as? [[String: Any]])
        #expect(actions.first?["url"] as? String == "https://news.example.org/2026/port-strike.txt")
    }

    @Test func adaptiveCardCheck_whenCardBreaksSchema_reportsIt() {
        // The check itself: an unknown property, a bad enum, a fact without a value, a relative url
        let card: [String: Any] = [
            "type": "AdaptiveCard", "version": "1.4", "colour": "red",
            "body": [["type": "TextBlock", "text": "x", "weight": "Heavy"], ["type": "FactSet", "facts": [["title": "a"]]]],
            "actions": [["type": "Action.OpenUrl", "title": "Open", "url": "news/a.txt"]],
        ]
        #expect(PayloadShapes.adaptiveCardProblems(card).count == 4)
    }

    @Test func payload_whenTeamsQuoteIsHuge_staysWithinTwentyEightKilobytes() throws {
        let quote = String(repeating: "é", count: 40_000)
        let endpoint = WebhookEndpoint(name: "t", url: "https://hooks.example.org/x", format: .teams)
        let payload = PayloadFormatter.payload(alert: Fixtures.alert(quote: quote).jsonData(), for: endpoint)
        #expect(payload.body.count <= 28_000)
        #expect(payload.body.count > 27_000)
    }
}
