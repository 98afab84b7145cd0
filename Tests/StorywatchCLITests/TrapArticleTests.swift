import Foundation
import StorywatchTesting
import Testing

/// The words of a turn used in other senses raise nothing, while a real turn of the same
/// storyline still does (so silence is not just an extractor that finds nothing).
@Suite(.enabled(if: StorywatchBinary.path != nil, "storywatch is not built: run `swift build --build-tests` first"))
struct TrapArticleTests {
    // MARK: Fixtures (invented)

    private static let threat = """
        NORWAY THREATENS TO EXPEL BELARUSIAN DIPLOMATS

        OSLO, March 2 - Norway threatened on Monday to expel Belarusian diplomats if Minsk did not \
        explain the arrest of a Norwegian citizen, the foreign ministry said.
        """

    private static let traps = """
        SKI FEDERATION EXPELS FORMER CHAIRMAN

        OSLO, March 5 - The Norwegian ski federation expelled its former chairman on Thursday over \
        the misuse of sponsorship money, the federation said in a statement.

        Wheat and barley crops in the south of Norway are threatened by drought, farm officials warned.

        Dairy farmers called a truce with the big supermarket chains to allow talks on milk prices to resume.

        Norway has usually responded in kind to Belarusian expulsions in the past, officials noted.
        """

    private static let expulsion = """
        NORWAY EXPELS THREE BELARUSIAN DIPLOMATS

        OSLO, March 9 - Norway expelled three Belarusian diplomats on Monday, carrying out its threat \
        of last week, the foreign ministry said.
        """

    private func scan(_ corpus: String, _ state: String) async throws -> [String] {
        let result = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state, "--format", "jsonl"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func scan_whenTriggerWordsUsedInOtherSenses_raisesNothing_butRealTurnDoes() async throws {
        // Given a storyline where Norway threatened to expel Belarusian diplomats
        let dir = try TempDirectory()
        defer { dir.remove() }
        let corpus = dir.path + "/corpus", state = dir.path + "/state"
        try dir.write("corpus/01-threat.txt", Self.threat)
        _ = try await scan(corpus, state)

        // When an article arrives where a Norwegian ski federation "expels", crops are
        // "threatened", farmers call a "truce" and a habit of answering in kind is recalled
        try dir.write("corpus/02-traps.txt", Self.traps)
        let trapAlerts = try await scan(corpus, state)

        // Then nothing is raised
        #expect(trapAlerts.isEmpty, "false alarms: \(trapAlerts)")

        // When Norway really expels the diplomats
        try dir.write("corpus/03-expulsion.txt", Self.expulsion)
        let alerts = try await scan(corpus, state)

        // Then the threat is reported fulfilled, against the threat's article
        #expect(alerts.count == 1)
        let data = try #require(alerts.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(data["type"] as? String == "org.storywatch.development.fulfilled")
        let payload = data["data"] as? [String: Any]
        let previous = payload?["previous"] as? [String: Any]
        #expect(previous?["document"] as? String == "01-threat.txt")
    }

    @Test func scan_whenRealTurnRepeatedBySyndicatedCopyOrTouch_printsItOnce() async throws {
        // Given the threat and its fulfilment, alerted once
        let dir = try TempDirectory()
        defer { dir.remove() }
        let corpus = dir.path + "/corpus", state = dir.path + "/state"
        try dir.write("corpus/01-threat.txt", Self.threat)
        try dir.write("corpus/03-expulsion.txt", Self.expulsion)
        #expect(try await scan(corpus, state).count == 1)

        // When a syndicated copy arrives and the original is touched
        try dir.write("corpus/wire/expulsion-copy.txt", Self.expulsion)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)],
                                              ofItemAtPath: corpus + "/03-expulsion.txt")

        // Then nothing is raised again
        #expect(try await scan(corpus, state).isEmpty)
    }
}
