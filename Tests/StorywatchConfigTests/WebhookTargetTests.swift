import Foundation
import StorywatchConfig
import Testing

struct WebhookTargetTests {
    private let loader = ConfigLoader(environment: [:])

    private func problems(_ text: String) -> [ConfigProblem] { loader.problems(text) }

    private func hook(_ lines: String) -> String {
        "corpus = \"/srv/news\"\n[[webhook]]\nname = \"ops\"\n" + lines + "\n"
    }

    @Test(arguments: ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook", "http://2852039166/",
                      "http://0xa9fea9fe/", "http://metadata.google.internal/computeMetadata/v1/",
                      "http://[::ffff:169.254.169.254]/", "http://100.100.100.200/", "http://[fd00:ec2::254]/"])
    func parse_whenLinkLocalOrMetadataTarget_refusesIt(url: String) {
        // Given a webhook aimed at a link-local or cloud-metadata address
        // When it is parsed
        let found = problems(hook("url = \"\(url)\""))

        // Then the url is refused, saying how to allow it
        #expect(found.map(\.key) == ["webhook[1].url"])
        #expect(found.first?.reason.contains("allow_link_local") == true)
    }

    @Test func parse_whenLinkLocalAllowed_acceptsIt() throws {
        // Given a link-local target the operator allows
        let config = try loader.parse(text: hook("url = \"http://169.254.10.1/hook\"\nallow_link_local = true"), file: "t")

        // Then it loads
        #expect(config.webhooks.first?.allowLinkLocal == true)
    }

    @Test(arguments: ["https://hooks.example.org/x", "http://127.0.0.1:9000/", "http://[::1]:8080/", "http://10.0.0.5/"])
    func parse_whenOrdinaryTarget_acceptsIt(url: String) {
        #expect(problems(hook("url = \"\(url)\"")).isEmpty)
    }

    @Test func parse_whenURLHasASpace_refusesIt() {
        let found = problems(hook("url = \"https://hooks.example.org/a b\""))
        #expect(found.map(\.key) == ["webhook[1].url"])
    }

    @Test func parse_whenHeaderValueHasCRLF_refusesIt() {
        // Given a header value that would smuggle a second header
        let text = hook("url = \"https://hooks.example.org/x\"\n[webhook.headers]\nX-Team = \"desk\\r\\nX-Admin: 1\"")

        // Then the header is refused by name
        let found = problems(text)
        #expect(found.map(\.key) == ["webhook[1].headers.X-Team"])
        #expect(found.first?.reason.contains("CR/LF") == true)
    }

    @Test func parse_whenHeaderNameIsNotAToken_refusesIt() {
        let found = problems(hook("url = \"https://hooks.example.org/x\"\n[webhook.headers]\n\"X Team:\" = \"desk\""))
        #expect(found.map(\.key) == ["webhook[1].headers.X Team:"])
    }

    @Test func parse_whenRateFailingAfterAndDetectKeys_readsThem() throws {
        // Given the turn-2 keys
        let text = """
            corpus = "/srv/news"
            retain_days = 7
            [detect]
            alert_on_first_scan = false
            [[webhook]]
            name = "slack"
            url = "https://hooks.example.org/x"
            rate = "1/s"
            failing_after = "2m"
            """

        // When parsed
        let config = try loader.parse(text: text, file: "t")

        // Then each is read
        #expect(config.retainDays == 7)
        #expect(config.alertOnFirstScan == false)
        #expect(config.webhooks.first?.rate == WebhookRate(count: 1, seconds: 1))
        #expect(config.webhooks.first?.failingAfterSeconds == 120)
    }

    @Test func parse_whenRateOrDurationIsMalformed_refusesBoth() {
        let found = problems(hook("url = \"https://hooks.example.org/x\"\nrate = \"fast\"\nfailing_after = \"soon\""))
        #expect(Set(found.compactMap(\.key)) == ["webhook[1].rate", "webhook[1].failing_after"])
    }

    @Test(arguments: [("20/min", 3.0), ("100/h", 36.0), ("5/10s", 2.0), ("2/s", 0.5)])
    func rate_whenParsed_givesTheSpacing(text: String, spacing: Double) {
        #expect(WebhookRate(parsing: text)?.spacing == spacing)
    }

    @Test func load_whenFileIsEmptyOrCommentsOnly_refusesIt() throws {
        // Given an empty file and a comment-only one (a truncated config)
        for text in ["", "\n  \n# corpus = \"/srv/news\"\n"] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("sw-empty-\(UUID().uuidString).toml").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }

            // When it is loaded
            let error = #expect(throws: ConfigError.self) { try loader.load(path: path) }

            // Then it is refused as holding no settings
            #expect(error?.problems.first?.reason.contains("no settings") == true)
        }
    }

    @Test(arguments: [
        ("https://hooks.slack.com/services/T0001/B0002/abcdefSECRET", "https://hooks.slack.com/… (path and query hidden)"),
        ("https://ops:pw@hooks.example.org:8443/x?token=SECRET", "https://hooks.example.org:8443/… (path and query hidden)"),
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000/"),
    ])
    func redacted_whenURLCarriesTokens_keepsOnlySchemeHostAndPort(url: String, shown: String) {
        #expect(WebhookTarget.redacted(url: url) == shown)
        #expect(!WebhookTarget.redacted(url: url).contains("SECRET"))
    }
}
