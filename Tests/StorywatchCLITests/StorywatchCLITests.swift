import Foundation
import StorywatchTesting
import Testing

@Suite(.enabled(if: StorywatchBinary.path != nil,
                "storywatch is not built: run `swift build --build-tests --scratch-path .build-tests` first"))
struct StorywatchCLITests {
    // MARK: Fixtures (invented)

    private static let wireStory = """
        FISHING BOATS RETURN AS STORM PASSES

            BERGEN, March 12 - Norway's coast guard said on Thursday that all
        fishing boats caught in the storm had returned safely to port.
            The storm brought winds of up to 120 kilometres an hour to the
        western coast, the weather service said.
        """

    private static let article = """
        City council approves new tram line

        The city council voted on Tuesday to build a new tram line linking the harbour with the university, the mayor said.

        Work is due to start next spring and should take three years, a spokesman for the council added.
        """

    private static let liveBlog = """
        Live updates

        Tram line vote passes after long debate

        The city council approved the new tram line by 31 votes to 12 on Tuesday evening.


        Council debate on tram line begins

        Councillors began debating the plan for a new tram line shortly after noon.
        """

    /// A temp folder holding `corpus/` with the two articles; `state/` is not created.
    private func makeCorpus() throws -> (dir: TempDirectory, corpus: String, state: String) {
        let dir = try TempDirectory()
        try dir.write("corpus/2026-03-12-storm.txt", Self.wireStory)
        try dir.write("corpus/2026-03-10-tram.txt", Self.article)
        return (dir, dir.path + "/corpus", dir.path + "/state")
    }

    // MARK: scan

    @Test func scan_whenCorpusHasTwoArticles_exitsZero() async throws {
        // Given a corpus of two articles and no state yet
        let (dir, corpus, state) = try makeCorpus()
        defer { dir.remove() }

        // When it is scanned
        let result = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])

        // Then the pass succeeds and creates the state database
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: state + "/state.sqlite"))
    }

    @Test func scan_whenNothingChanged_printsNothing() async throws {
        // Given a corpus that was scanned once
        let (dir, corpus, state) = try makeCorpus()
        defer { dir.remove() }
        let first = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])
        try #require(first.status == 0, "first scan failed: \(first.stderr)")

        // When it is scanned again
        let second = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])

        // Then the second pass prints nothing
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout == "")
    }

    @Test func scan_whenSyndicatedCopyAdded_printsNothing() async throws {
        // Given a scanned corpus, then the same story arriving under another name
        let (dir, corpus, state) = try makeCorpus()
        defer { dir.remove() }
        let first = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])
        try #require(first.status == 0, "first scan failed: \(first.stderr)")
        try dir.write("corpus/mirror/storm-copy.txt", Self.wireStory)

        // When it is scanned again
        let second = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state, "--format", "jsonl"])

        // Then the copy raises nothing
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout == "")
    }

    @Test func scan_whenFileOnlyTouched_printsNothing() async throws {
        // Given a scanned corpus, then one file's mtime moved forward without a change of content
        let (dir, corpus, state) = try makeCorpus()
        defer { dir.remove() }
        let first = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])
        try #require(first.status == 0, "first scan failed: \(first.stderr)")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3_600)],
                                              ofItemAtPath: corpus + "/2026-03-12-storm.txt")

        // When it is scanned again
        let second = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])

        // Then the touched file raises nothing
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout == "")
    }

    @Test func scan_whenCorpusIsMissing_failsNamingThePath() async throws {
        // Given a corpus path that does not exist
        let dir = try TempDirectory()
        defer { dir.remove() }
        let corpus = dir.path + "/no-such-corpus"

        // When it is scanned
        let result = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", dir.path + "/state"])

        // Then it fails, says why on stderr, and prints no alerts
        #expect(result.status != 0)
        #expect(result.stderr.contains(corpus))
        #expect(result.stdout == "")
    }

    @Test func scan_whenStateIsUnderRegularFile_failsWithMessage() async throws {
        // Given a state path below a regular file, which cannot be created even by root
        let (dir, corpus, _) = try makeCorpus()
        defer { dir.remove() }
        let blocker = try dir.write("not-a-folder", "x")
        let state = blocker + "/state"

        // When it is scanned
        let result = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])

        // Then it fails and names the state folder on stderr
        #expect(result.status != 0)
        #expect(result.stderr.contains(state))
        #expect(result.stdout == "")
    }

    // MARK: check-config

    @Test func checkConfig_whenConfigHasProblems_exitsOneAndPrintsEach() async throws {
        // Given a config with three mistakes on lines 1, 2 and 6
        let dir = try TempDirectory()
        defer { dir.remove() }
        let config = try dir.write("bad.toml", """
            corpus = "news"
            colour = "blue"

            [[webhook]]
            name = "ops"
            url = "ftp://x"
            """)

        // When it is checked
        let result = try await StorywatchBinary.run(["check-config", "--config", config])

        // Then it exits 1 and prints every problem with its line and key
        #expect(result.status == 1)
        let output = result.stdout + result.stderr
        #expect(output.contains("bad.toml:1: corpus:"))
        #expect(output.contains("bad.toml:2: colour:"))
        #expect(output.contains("bad.toml:6: webhook[1].url:"))
    }

    @Test func checkConfig_whenConfigIsValid_exitsZero() async throws {
        // Given a valid config
        let dir = try TempDirectory()
        defer { dir.remove() }
        let config = try dir.write("good.toml", """
            corpus = "/srv/news"
            state = "/var/lib/storywatch-test"
            """)

        // When it is checked
        let result = try await StorywatchBinary.run(["check-config", "--config", config])

        // Then it exits 0 and says so
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("config OK"))
    }

    // MARK: status

    @Test func status_whenCorpusScanned_printsFileCount() async throws {
        // Given a scanned corpus of two articles
        let (dir, corpus, state) = try makeCorpus()
        defer { dir.remove() }
        let scan = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state])
        try #require(scan.status == 0, "scan failed: \(scan.stderr)")

        // When the status is asked for
        let result = try await StorywatchBinary.run(["status", "--state", state])

        // Then it reports two files
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = result.stdout.split(separator: "\n").first { $0.hasPrefix("files:") }
        #expect(files.map { $0.dropFirst("files:".count).trimmingCharacters(in: .whitespaces) } == "2")
    }

    // MARK: explain

    @Test func explain_whenWireStory_printsLayoutAndItems() async throws {
        // Given a wire story on disk
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = try dir.write("storm.txt", Self.wireStory)

        // When it is explained
        let result = try await StorywatchBinary.run(["explain", file])

        // Then the layout, the item count and the text after the dateline are printed
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("layout wire, 2 item(s)"))
        #expect(result.stdout.contains("Norway's coast guard said on Thursday"))
        #expect(!result.stdout.contains("BERGEN, March 12"))
    }

    @Test func explain_whenLiveBlog_saysNewestFirst() async throws {
        // Given a live blog on disk
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = try dir.write("blog.txt", Self.liveBlog)

        // When it is explained
        let result = try await StorywatchBinary.run(["explain", file])

        // Then the live-blog layout is named as newest first
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("layout live-blog (newest first"))
        #expect(result.stdout.contains("2 item(s)"))
    }

    @Test func explainState_whenSideDropsItsOwnPlan_namesThePolicyStorylineItsSideAndTheRule() async throws {
        // Given a wire story of a government dropping its own plan, and an empty state
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = try dir.write("tax.txt", "LISBON, May 4 (Wirenews) - Portugal has dropped its plan to raise the tourist tax, "
            + "the finance ministry said on Monday.\n")

        // When it is explained against the state
        let result = try await StorywatchBinary.run(["explain", file, "--state", dir.path + "/state"])

        // Then the event's policy storyline, its side and the turn it raises are named
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("storyline PRT~tourist-tax-plan (sides PRT; 0 earlier events): reversal"), "\(result.stdout)")
    }

    @Test func explain_whenFileIsMissing_failsNamingIt() async throws {
        // Given a path with no file
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = dir.path + "/gone.txt"

        // When it is explained
        let result = try await StorywatchBinary.run(["explain", file])

        // Then it fails and names the file
        #expect(result.status != 0)
        #expect(result.stderr.contains("gone.txt"))
    }
}
