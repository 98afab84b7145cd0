import Foundation
import StorywatchTesting
import Testing

/// `storylines`, `show`, `mute`, `unmute`, `report` and `status` as an operator types them, on a
/// state built by scanning our example corpus with the binary.
struct BrowseCommandTests {
    static let examples = StorywatchBinary.packageRoot.appendingPathComponent("examples/corpus").path

    /// A scanned copy of the example corpus: the folder and its state, and the alerts as JSON objects.
    private func scannedExamples() async throws -> (dir: TempDirectory, state: String, alerts: [[String: Any]]) {
        let dir = try TempDirectory()
        let state = dir.path + "/state"
        let scan = try await StorywatchBinary.run(["scan", "--corpus", Self.examples, "--state", state, "--format", "jsonl"])
        try #require(scan.status == 0, "scan: \(scan.stderr)")
        let alerts = try scan.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (dir, state, alerts)
    }

    private func storyline(of alert: [String: Any]) -> String? {
        ((alert["data"] as? [String: Any])?["storyline"] as? [String: Any])?["id"] as? String
    }

    @Test func storylines_whenExamplesScanned_printsOneLinePerStorylineAndJSON() async throws {
        let (dir, state, alerts) = try await scannedExamples()
        defer { dir.remove() }

        // When listed as text and as JSON
        let text = try await StorywatchBinary.run(["storylines", "--state", state])
        let json = try await StorywatchBinary.run(["storylines", "--state", state, "--json"])

        // Then the JSON has every storyline an alert named, and the text a line for each
        #expect(text.status == 0 && json.status == 0, "\(text.stderr)\(json.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let ids = Set(list.compactMap { $0["id"] as? String })
        #expect(Set(alerts.compactMap(storyline)).isSubset(of: ids))
        #expect(text.stdout.split(separator: "\n").count == list.count)
        let reversed = try #require(list.first { $0["id"] as? String == "BLR-NOR" })
        #expect(reversed["last_turn"] as? String == "reversal")
        let line = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("BLR-NOR ") })
        #expect(line.contains("BLR – NOR") && line.contains("last turn reversal") && line.contains("last 2026-03-03"))
    }

    @Test func show_whenStorylineAndDevelopment_printsTheTurnWithItsPrevious() async throws {
        let (dir, state, alerts) = try await scannedExamples()
        defer { dir.remove() }
        let reversal = try #require(alerts.first { $0["type"] as? String == "org.storywatch.development.reversal" && storyline(of: $0) == "BLR-NOR" })
        let id = try #require(reversal["id"] as? String)

        // When the storyline is shown as text and JSON
        let text = try await StorywatchBinary.run(["show", "BLR-NOR", "--state", state])
        let json = try await StorywatchBinary.run(["show", "BLR-NOR", "--state", state, "--json"])

        // Then the turn is marked with the event it turns from
        #expect(text.stdout.hasPrefix("storyline BLR-NOR (BLR – NOR): "))
        let turnLine = try #require(text.stdout.split(separator: "\n").first { $0.contains("turn: [reversal]") })
        #expect(turnLine.contains(id) && turnLine.contains(" from #"))
        let timeline = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let events = try #require(timeline["events"] as? [[String: Any]])
        let turned = try #require(events.first { ($0["turn"] as? [String: Any])?["id"] as? String == id })
        let previous = try #require((turned["turn"] as? [String: Any])?["previous"] as? Int)
        #expect(previous < (turned["index"] as? Int ?? 0))

        // When the development itself is shown
        let development = try await StorywatchBinary.run(["show", id, "--state", state])
        #expect(development.stdout.hasPrefix("development \(id) [reversal] "))
        #expect(development.stdout.contains("▶ #\(turned["index"] as? Int ?? 0) "))

        // And an unknown id is an error
        let unknown = try await StorywatchBinary.run(["show", "XXX-YYY", "--state", state])
        #expect(unknown.status == 1 && unknown.stderr.contains("no storyline or development has the id \"XXX-YYY\""))
    }

    @Test func mute_whenStorylineMuted_isShownInStorylinesAndReport_andUnmuteLiftsIt() async throws {
        let (dir, state, _) = try await scannedExamples()
        defer { dir.remove() }

        let mute = try await StorywatchBinary.run(["mute", "BLR-NOR", "--until", "2099-12-31", "--state", state])
        #expect(mute.status == 0 && mute.stdout == "muted BLR-NOR until 2099-12-31\n", "\(mute.stderr)")
        let list = try await StorywatchBinary.run(["storylines", "--state", state, "--actor", "NOR"])
        #expect(list.stdout.contains("muted until 2099-12-31"))
        let page = dir.path + "/report.html"
        #expect(try await StorywatchBinary.run(["report", "--state", state, "--html", page]).status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("muted until 2099-12-31"))

        let unmute = try await StorywatchBinary.run(["unmute", "BLR-NOR", "--state", state])
        #expect(unmute.stdout == "unmuted BLR-NOR\n")
        #expect(try await !StorywatchBinary.run(["storylines", "--state", state]).stdout.contains("muted"))

        let past = try await StorywatchBinary.run(["mute", "BLR-NOR", "--until", "2001-01-01", "--state", state])
        #expect(past.status == 1 && past.stderr.contains("in the past"))
        let badDate = try await StorywatchBinary.run(["mute", "BLR-NOR", "--until", "soon", "--state", state])
        #expect(badDate.status != 0 && badDate.stderr.contains("YYYY-MM-DD"))
    }

    @Test func status_whenNoState_saysSoAndCreatesNone() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let missing = dir.path + "/nothing-here"
        let result = try await StorywatchBinary.run(["status", "--state", missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no state in \(missing)"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func status_whenExamplesScanned_printsSummaryAndJSON() async throws {
        let (dir, state, _) = try await scannedExamples()
        defer { dir.remove() }
        let text = try await StorywatchBinary.run(["status", "--state", state])
        #expect(text.stdout.contains("daemon:       never ran over this state"))
        #expect(text.stdout.contains("files:        4"))
        let json = try await StorywatchBinary.run(["status", "--state", state, "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(summary["files"] as? Int == 4)
        #expect((summary["daemon"] as? [String: Any])?["state"] as? String == "never")
        #expect(summary["webhooks"] as? [Any] != nil)
    }
}
