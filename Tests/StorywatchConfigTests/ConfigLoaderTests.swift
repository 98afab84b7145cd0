import Foundation
import StorywatchConfig
import StorywatchModel
import Testing

struct ConfigLoaderTests {
    private let loader = ConfigLoader(environment: [:])

    private func problems(_ text: String) -> [ConfigProblem] { loader.problems(text) }

    @Test func parse_whenFullValidConfig_readsEveryKey() throws {
        // Given a config that sets every top-level key, [detect] and two webhooks
        let text = """
            corpus = "/srv/news"
            state = "/var/lib/storywatch-test"
            include = ["*.txt", "wire/*"]
            exclude = ["drafts/*"]
            max_file_bytes = 1048576
            dictionaries = "/etc/storywatch/extra"

            [detect]
            kinds = ["reversal", "violation", "de-escalation"]
            window_days = 365

            [[webhook]]
            name = "ops"
            url = "https://hooks.example.org/storywatch"
            kinds = ["reversal"]
            actors = ["RUS", "NOR"]
            secret = ["whsec_current", "whsec_previous"]
            timeout = 5
            max_retry_hours = 2.5
            [webhook.headers]
            Authorization = "Bearer abc123"

            [[webhook]]
            name = "desk"
            url = "http://127.0.0.1:9000/hook"
            format = "slack"
            [webhook.headers]
            X-Team = "foreign-desk"
            """

        // When it is parsed
        let config = try loader.parse(text: text, file: "test.toml")

        // Then every value is read
        #expect(config.corpus == "/srv/news")
        #expect(config.state == "/var/lib/storywatch-test")
        #expect(config.include == ["*.txt", "wire/*"])
        #expect(config.exclude == ["drafts/*"])
        #expect(config.maxFileBytes == 1_048_576)
        #expect(config.dictionaries == "/etc/storywatch/extra")
        #expect(config.kinds == [.reversal, .violation, .deEscalation])
        #expect(config.windowDays == 365)
        #expect(config.webhooks.map(\.name) == ["ops", "desk"])
        let ops = try #require(config.webhooks.first)
        #expect(ops.url == "https://hooks.example.org/storywatch")
        #expect(ops.format == .cloudevents)
        #expect(ops.kinds == [.reversal])
        #expect(ops.actors == ["RUS", "NOR"])
        #expect(ops.secret == .inline(["whsec_current", "whsec_previous"]))
        #expect(ops.headers == ["Authorization": "Bearer abc123"])
        #expect(ops.timeoutSeconds == 5)
        #expect(ops.maxRetryHours == 2.5)
        let desk = try #require(config.webhooks.last)
        #expect(desk.format == .slack)
        #expect(desk.headers == ["X-Team": "foreign-desk"])
        #expect(desk.secret == nil)
    }

    @Test func parse_whenEmpty_givesDefaults() throws {
        // Given an empty config
        // When it is parsed
        let config = try loader.parse(text: "", file: "test.toml")

        // Then the documented defaults apply
        #expect(config.corpus == nil)
        #expect(config.state == "/var/lib/storywatch")
        #expect(config.maxFileBytes == 20_971_520)
        #expect(config.windowDays == 730)
        #expect(!config.kinds.contains(.new))
        #expect(config.webhooks.isEmpty)
    }

    @Test func parse_whenUnknownTopLevelKey_reportsKeyAndLine() {
        // Given a config with a misspelt key on line 3
        let text = """
            corpus = "/srv/news"

            max_file_size = 1000
            """

        // When it is parsed
        let found = problems(text)

        // Then the key and its line are reported
        #expect(found.count == 1)
        #expect(found.first?.key == "max_file_size")
        #expect(found.first?.line == 3)
        #expect(found.first?.reason.contains("unknown key") == true)
        #expect(found.first?.description.hasPrefix("test.toml:3: max_file_size:") == true)
    }

    @Test func parse_whenWrongType_reportsKeyAndLine() {
        // Given a size written as a word
        let text = """
            corpus = "/srv/news"
            max_file_bytes = "big"
            """

        // When it is parsed
        let found = problems(text)

        // Then the key, its line and the expected type are reported
        #expect(found.map(\.key) == ["max_file_bytes"])
        #expect(found.first?.line == 2)
        #expect(found.first?.reason.contains("integer") == true)
    }

    @Test func parse_whenRelativePath_refusesIt() {
        // Given a corpus written as a relative path
        // When it is parsed
        let found = problems(#"corpus = "news""#)

        // Then the path is refused
        #expect(found.map(\.key) == ["corpus"])
        #expect(found.first?.line == 1)
        #expect(found.first?.reason.contains("relative") == true)
    }

    @Test func parse_whenWebhookURLIsNotHTTP_reportsIndexedKeyAndLine() {
        // Given a webhook with an ftp URL on line 5
        let text = """
            corpus = "/srv/news"

            [[webhook]]
            name = "ops"
            url = "ftp://x"
            """

        // When it is parsed
        let found = problems(text)

        // Then the problem names webhook[1].url and its line
        #expect(found.map(\.key) == ["webhook[1].url"])
        #expect(found.first?.line == 5)
        #expect(found.first?.reason.contains("ftp://x") == true)
    }

    @Test func parse_whenSecondWebhookURLIsBad_pointsAtSecondWebhook() {
        // Given two webhooks, the second with a URL without a host, on line 7
        let text = """
            [[webhook]]
            name = "ops"
            url = "https://hooks.example.org/a"

            [[webhook]]
            name = "desk"
            url = "https://"
            """

        // When it is parsed
        let found = problems(text)

        // Then the problem is on the second webhook's url line
        #expect(found.map(\.key) == ["webhook[2].url"])
        #expect(found.first?.line == 7)
    }

    @Test func parse_whenUnknownKind_reportsTheKind() {
        // Given a [detect] table naming a kind that does not exist
        let text = """
            [detect]
            kinds = ["reversal", "surprise"]
            """

        // When it is parsed
        let found = problems(text)

        // Then the kind is named
        #expect(found.map(\.key) == ["detect.kinds"])
        #expect(found.first?.line == 2)
        #expect(found.first?.reason.contains("surprise") == true)
    }

    @Test func parse_whenDuplicateWebhookNames_reportsTheSecond() {
        // Given two webhooks both named "ops"
        let text = """
            [[webhook]]
            name = "ops"
            url = "https://hooks.example.org/a"

            [[webhook]]
            name = "ops"
            url = "https://hooks.example.org/b"
            """

        // When it is parsed
        let found = problems(text)

        // Then the second name is refused, at its own line
        #expect(found.map(\.key) == ["webhook[2].name"])
        #expect(found.first?.line == 6)
        #expect(found.first?.reason.contains("duplicate") == true)
    }

    @Test func parse_whenDuplicateFollowsInvalidWebhook_pointsAtTheDuplicate() {
        // Given an invalid first webhook, then two webhooks both named "ops" (the second on line 10)
        let text = """
            [[webhook]]
            name = "old"
            url = "ftp://x"

            [[webhook]]
            name = "ops"
            url = "https://hooks.example.org/a"

            [[webhook]]
            name = "ops"
            url = "https://hooks.example.org/b"
            """

        // When it is parsed
        let found = problems(text)

        // Then the duplicate is reported as the third webhook, at its own line
        #expect(found.map(\.key) == ["webhook[1].url", "webhook[3].name"])
        #expect(found.last?.line == 10)
    }

    @Test func parse_whenSyntaxError_reportsItsLine() {
        // Given a value missing on line 3
        let text = """
            corpus = "/srv/news"
            # the state folder
            state =
            """

        // When it is parsed
        let found = problems(text)

        // Then one syntax problem is reported at line 3
        #expect(found.count == 1)
        #expect(found.first?.key == nil)
        #expect(found.first?.line == 3)
        #expect(found.first?.reason.hasPrefix("TOML syntax") == true)
    }

    @Test func parse_whenSeveralProblems_reportsThemAll() {
        // Given a config with five different mistakes
        let text = """
            corpus = "news"
            colour = "blue"
            max_file_bytes = "big"

            [detect]
            window_days = -3

            [[webhook]]
            name = "ops"
            url = "ftp://x"
            """

        // When it is parsed
        let found = problems(text)

        // Then every one is reported, each with its line
        #expect(Set(found.compactMap(\.key)) == ["corpus", "colour", "max_file_bytes", "detect.window_days", "webhook[1].url"])
        #expect(found.count == 5)
        let lines = Dictionary(found.map { ($0.key ?? "", $0.line) }, uniquingKeysWith: { first, _ in first })
        #expect(lines["corpus"] == 1)
        #expect(lines["colour"] == 2)
        #expect(lines["max_file_bytes"] == 3)
        #expect(lines["detect.window_days"] == 6)
        #expect(lines["webhook[1].url"] == 10)
    }

    @Test func parse_whenStateDirectoryInEnvironment_usesItAsDefaultState() throws {
        // Given systemd's STATE_DIRECTORY listing two folders, and a config without `state`
        let systemd = ConfigLoader(environment: ["STATE_DIRECTORY": "/var/lib/storywatch-a:/var/lib/storywatch-b"])

        // When it is parsed
        let config = try systemd.parse(text: #"corpus = "/srv/news""#, file: "test.toml")

        // Then the first folder is the state
        #expect(config.state == "/var/lib/storywatch-a")
    }

    @Test func parse_whenStateDirectoryAndStateKey_keyWins() throws {
        // Given STATE_DIRECTORY and an explicit `state`
        let systemd = ConfigLoader(environment: ["STATE_DIRECTORY": "/var/lib/storywatch-a"])

        // When it is parsed
        let config = try systemd.parse(text: #"state = "/data/storywatch""#, file: "test.toml")

        // Then the config's key wins
        #expect(config.state == "/data/storywatch")
    }

    @Test func load_whenShippedExampleConfig_hasNoProblems() throws {
        // Given etc/storywatch.toml as shipped
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("etc/storywatch.toml").path

        // When it is loaded
        let config = try loader.load(path: path)

        // Then it loads with its documented corpus
        #expect(config.corpus == "/srv/news")
        #expect(config.webhooks.isEmpty)
    }

    @Test func load_whenFileIsMissing_reportsThePath() {
        // Given a path where no config exists
        let path = "/nonexistent/storywatch-\(UUID().uuidString).toml"

        // When it is loaded
        let error = #expect(throws: ConfigError.self) {
            try loader.load(path: path)
        }

        // Then the one problem names the file
        #expect(error?.problems.map(\.file) == [path])
    }

    @Test func parse_whenLinkTemplateIsAURLWithPath_keepsIt() throws {
        let config = try loader.parse(text: """
            [[webhook]]
            name = "chat"
            url = "https://hooks.example.org/x"
            link_template = "https://news.example.org/archive/{path}"
            """, file: "test.toml")
        #expect(config.webhooks.first?.linkTemplate == "https://news.example.org/archive/{path}")
    }

    @Test(arguments: ["https://news.example.org/archive", "/archive/{path}", "ftp://news.example.org/{path}",
                      "https://news.example.org/{path}|x", "https://news.example.org/a b/{path}", "https:///{path}"])
    func parse_whenLinkTemplateIsNoURLWithPath_refusesItOnItsLine(template: String) {
        // Given a link template without {path}, without http(s), or with characters a chat link misreads
        let found = problems("""
            [[webhook]]
            name = "chat"
            url = "https://hooks.example.org/x"
            link_template = "\(template)"
            """)

        // Then the one problem names the key and its line
        #expect(found.map(\.key) == ["webhook[1].link_template"])
        #expect(found.first?.line == 4)
    }
}
