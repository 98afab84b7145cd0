import Foundation
import StorywatchDeliver
import StorywatchModel
import StorywatchTrack
import Testing

/// Writes docs/formats/: the body each format sends for one alert the tracker really raised (a
/// retaliation with its previous event, through a `link_template`), so the README's samples are
/// what storywatch sends. Rewritten on every run; review the diff when a format changes.
struct FormatSamplesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/formats")

    /// Norway expels two Belarusian diplomats; a week later Belarus answers in kind.
    static func sampleAlert() throws -> Alert {
        let norway = Actor(code: "NORGOV", name: "the Norwegian foreign ministry")
        let belarus = Actor(code: "BLRGOV", name: "Minsk")
        let tracker = Tracker(names: ["NOR": "Norway", "BLR": "Belarus"])
        var state = StorylineState(id: StorylineKey.id(sides: ["BLR", "NOR"]), roots: ["BLR", "NOR"])
        let first = Event(source: norway, target: belarus, type: .sanction, mode: "expel", status: .done,
                          date: Day(year: 2026, month: 3, day: 2), document: "2026/03/oslo-expels-envoys.txt",
                          quote: "The Norwegian foreign ministry told two Belarusian diplomats to leave the country within a week.")
        let second = Event(source: belarus, target: norway, type: .sanction, mode: "expel", status: .done,
                           date: Day(year: 2026, month: 3, day: 9), document: "2026/03/minsk-answers.txt",
                           quote: "Minsk ordered two Norwegian diplomats out on Monday in what it called a mirror response.",
                           isResponse: true)
        _ = tracker.record(first, in: &state)
        let development = try #require(tracker.record(second, in: &state))
        return Alert(development: development, source: "storywatch://news-host/srv/news",
                     time: Date(timeIntervalSince1970: 1_773_050_400))
    }

    @Test func samples_forEveryFormat_areWrittenToDocsFormats() throws {
        // Given a real alert and a webhook of each format with a link template
        let alert = try Self.sampleAlert()
        #expect(alert.development.kind == .retaliation)
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)

        for format in WebhookEndpoint.Format.allCases {
            var endpoint = WebhookEndpoint(name: format.rawValue, url: "https://hooks.example.org/storywatch", format: format)
            endpoint.linkTemplate = "https://news.example.org/{path}"

            // When the body is formatted, then it is JSON and written out readable
            let body = PayloadFormatter.payload(alert: alert.jsonData(), for: endpoint).body
            let object = try JSONSerialization.jsonObject(with: body)
            let pretty = try JSONSerialization.data(withJSONObject: object,
                                                    options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try (pretty + Data("\n".utf8)).write(to: Self.folder.appendingPathComponent("\(format.rawValue).json"))
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        #expect(Set(written) == Set(WebhookEndpoint.Format.allCases.map { "\($0.rawValue).json" }))
    }

    @Test func schema_inDocs_describesEveryFieldOfAnAlert() throws {
        // Given the schema shipped in docs/ and an alert as it is sent
        let schemaURL = Self.folder.deletingLastPathComponent().appendingPathComponent("alert.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let alert = try #require(try JSONSerialization.jsonObject(with: Self.sampleAlert().jsonData()) as? [String: Any])

        // Then its top level, its data and its event name exactly the fields storywatch writes
        func properties(_ object: Any?) -> Set<String> {
            Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let data = try #require(alert["data"] as? [String: Any])
        let event = try #require(data["event"] as? [String: Any])
        #expect(properties(schema) == Set(alert.keys))
        #expect(properties((schema["properties"] as? [String: Any])?["data"]) == Set(data.keys))
        #expect(properties((schema["$defs"] as? [String: Any])?["event"]) == Set(event.keys))
        #expect(event.keys.contains("object"))
    }
}
