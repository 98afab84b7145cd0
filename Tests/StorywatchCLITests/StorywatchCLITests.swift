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
        try dir.write("corpus/a.txt", "An article.\n")
        try dir.write("secret", "# rotated monthly\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n")
        let config = try dir.write("good.toml", """
            corpus = "\(dir.path)/corpus"
            state = "\(dir.path)/state"
            [[webhook]]
            name = "ops"
            url = "http://127.0.0.1:9/hook"
            secret_file = "\(dir.path)/secret"
            """)

        // When it is checked
        let result = try await StorywatchBinary.run(["check-config", "--config", config])

        // Then it exits 0 and says so
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("config OK"))
    }

    @Test func checkConfig_whenSecretsCorpusOrDictionariesUnusable_exitsOneNamingEach() async throws {
        // Given a config whose file parses but whose secrets, corpus and dictionaries cannot be used
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("bad.secret", "not-a-standard-webhooks-secret!\n")
        try dir.write("dictionaries/extra.txt", "this line has no code\n")
        let config = try dir.write("broken.toml", """
            corpus = "\(dir.path)/no-such-corpus"
            state = "\(dir.path)/state"
            dictionaries = "\(dir.path)/dictionaries"
            [[webhook]]
            name = "bad-form"
            url = "http://127.0.0.1:9/a"
            secret_file = "\(dir.path)/bad.secret"
            [[webhook]]
            name = "missing"
            url = "http://127.0.0.1:9/b"
            secret_file = "\(dir.path)/gone.secret"
            [[webhook]]
            name = "good"
            url = "http://127.0.0.1:9/c"
            """)

        // When it is checked
        let result = try await StorywatchBinary.run(["check-config", "--config", config])

        // Then each unusable part is named, and no secret's text is printed
        #expect(result.status == 1)
        let output = result.stdout + result.stderr
        #expect(output.contains("webhook[1].secret: webhook bad-form: secret #1 is not a Standard Webhooks secret"))
        #expect(output.contains("webhook[2].secret: webhook missing: cannot read the secret file \(dir.path)/gone.secret"))
        #expect(output.contains("corpus: \(dir.path)/no-such-corpus does not exist"))
        #expect(output.contains("dictionaries:"))
        #expect(!output.contains("not-a-standard-webhooks-secret"))
        #expect(!output.contains("webhook[3]"))
    }

    // MARK: baseline

    /// The example corpus in a temp folder, without `held` (added later as news).
    private func exampleCorpus(holdingBack held: String) throws -> (dir: TempDirectory, corpus: String) {
        let dir = try TempDirectory()
        let examples = StorywatchBinary.packageRoot.appendingPathComponent("examples/corpus").path
        try FileManager.default.createDirectory(atPath: dir.path + "/corpus", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: examples) where name != held {
            try FileManager.default.copyItem(atPath: examples + "/" + name, toPath: dir.path + "/corpus/" + name)
        }
        return (dir, dir.path + "/corpus")
    }

    @Test(arguments: [["--baseline"], ["--config", "CONFIG"]])
    func scan_whenBaseline_recordsHistoryWithoutAlerting_thenAlertsWhatIsNew(flags: [String]) async throws {
        // Given the example corpus without the timeline, a state, and a config with alert_on_first_scan = false
        let held = "2026-timeline-chile-peru-fisheries.txt"
        let (dir, corpus) = try exampleCorpus(holdingBack: held)
        defer { dir.remove() }
        let state = dir.path + "/state"
        let config = try dir.write("first.toml", """
            corpus = "\(corpus)"
            state = "\(state)"
            [detect]
            alert_on_first_scan = false
            [[webhook]]
            name = "ops"
            url = "http://127.0.0.1:9/hook"
            """)
        let args = flags.map { $0 == "CONFIG" ? config : $0 }
        let fresh = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", dir.path + "/fresh"])
        #expect(!fresh.stdout.isEmpty, "(fixture) the corpus raises alerts")

        // When the first scan runs as a baseline
        let first = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state] + args)

        // Then nothing is printed or queued, but the history is recorded
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        let status = try await StorywatchBinary.run(["status", "--state", state]).stdout
        #expect(status.contains("outbox:       0 pending"), "\(status)")
        #expect(!status.contains("developments: 0"), "\(status)")

        // And when the held-back article arrives, a normal scan alerts it
        try FileManager.default.copyItem(atPath: StorywatchBinary.packageRoot.appendingPathComponent("examples/corpus/" + held).path,
                                         toPath: corpus + "/" + held)
        let next = try await StorywatchBinary.run(["scan", "--corpus", corpus, "--state", state, "--format", "jsonl"]
                                                  + (args == ["--baseline"] ? [] : args))
        #expect(next.stdout.contains("\"document\":\"\(held)\""), "\(next.stdout)")
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

        // Then it reports two files and a sound database
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = result.stdout.split(separator: "\n").first { $0.hasPrefix("files:") }
        #expect(files.map { $0.dropFirst("files:".count).trimmingCharacters(in: .whitespaces) } == "2")
        #expect(result.stdout.contains("integrity:    ok (quick_check)"))
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
