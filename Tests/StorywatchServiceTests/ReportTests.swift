import Foundation
import Logging
import StorywatchConfig
import StorywatchModel
@testable import StorywatchService
import StorywatchStore
import Testing

/// The HTML report: every storyline and turn of the state, article text escaped, nothing fetched.
struct ReportTests {
    @Test func html_whenExampleCorpusScanned_hasEveryStorylineAndTurn() throws {
        // Given the example corpus scanned
        let state = try ExampleState()
        defer { state.remove() }

        // When the report is written
        let html = try Report(store: state.store, linkTemplate: nil).html()

        // Then each storyline has a section and each development a turn box of its kind
        for line in try StorylineList(store: state.store).run() {
            #expect(html.contains("data-storyline=\"\(line.id)\""), "\(line.id)")
        }
        for alert in state.alerts {
            #expect(html.contains("data-kind=\"\(alert.development.kind.rawValue)\" data-development=\"\(alert.id)\""))
        }
        // and nothing is loaded from elsewhere
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test func html_whenLinkTemplate_linksDocumentsPercentEncoded() throws {
        let state = try ExampleState(files: ["2026-03-03-wire-belarus-refuses.txt"])
        defer { state.remove() }
        let html = try Report(store: state.store, linkTemplate: "https://news.example.org/{path}").html()
        #expect(html.contains("<a href=\"https://news.example.org/2026-03-03-wire-belarus-refuses.txt\">"))
    }

    @Test func html_whenQuoteHasMarkup_escapesIt() throws {
        // Given a timeline whose article text carries markup and quotes
        let quote = "Minsk said <script>alert(\"x\")</script> & 'more' was <b>final</b>."
        let event = TimelineEvent(index: 1, date: "2026-03-03", status: "refused", type: "SANCTION", mode: "expel",
                                  source: "BLR", target: "NOR", saidBy: nil, document: "a\"b<c>.txt", quote: quote,
                                  background: false,
                                  turn: TimelineTurn(id: "d1", kind: "reversal", summary: "Belarus <i>rules out</i> it",
                                                     previous: nil, previousQuote: "<img src=x>", previousDocument: "x.txt"))
        let timeline = StorylineTimeline(id: "BLR-NOR", sides: ["BLR", "NOR"], muted: nil, events: [event], developments: 1)

        // When it is rendered
        let html = ReportHTML.render(ReportPage(timelines: [timeline], since: nil, linkTemplate: "https://n.example/{path}",
                                                generatedAt: Date(timeIntervalSince1970: 0)))

        // Then no article text is markup
        #expect(!html.contains("<script>alert") && !html.contains("<b>final") && !html.contains("<i>rules") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"))
        #expect(html.contains("a&quot;b&lt;c&gt;.txt"))
    }

    @Test func html_whenSinceAfterEveryStoryline_saysThereIsNone() throws {
        let state = try ExampleState(files: ["2026-03-03-wire-belarus-refuses.txt"])
        defer { state.remove() }
        let html = try Report(store: state.store, linkTemplate: nil).html(since: Day(year: 2030, month: 1, day: 1))
        #expect(html.contains("id=\"no-storylines\""))
        #expect(!html.contains("data-storyline="))
    }
}

/// `status`: the daemon's heartbeat read as alive, stopped, silent or never; deliveries per webhook.
struct StatusSummaryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [
        (nil, "never"), (Heartbeat(pid: 0, at: now), "stopped"),
        (Heartbeat(pid: 42, at: now.addingTimeInterval(-30)), "alive"),
        (Heartbeat(pid: 42, at: now.addingTimeInterval(-91)), "silent"),
    ] as [(Heartbeat?, String)])
    func daemonState_fromHeartbeat(heartbeat: Heartbeat?, expected: String) {
        #expect(StatusSummary.daemonState(heartbeat, now: Self.now).state == expected)
    }

    @Test func read_whenDeliveriesFailedThenSucceeded_givesLastOfEachWithReason() throws {
        // Given an alert queued for "ops", failed once with 503, then delivered
        let state = try ExampleState(files: ["2026-03-02-liveblog-norway-belarus.txt", "2026-03-03-wire-belarus-refuses.txt"],
                                     webhooks: ["ops"])
        defer { state.remove() }
        let row = try #require(try state.store.outboxEntries(state: .pending, webhook: "ops").first)
        let t0 = Self.now
        try state.store.recordOutboxAttempts([DeliveryAttempt(outboxID: row.id, attemptedAt: t0, status: 503, error: "busy",
                                                              durationMs: 3, next: .retry(at: t0.addingTimeInterval(5)))])
        try state.store.recordOutboxAttempts([DeliveryAttempt(outboxID: row.id, attemptedAt: t0.addingTimeInterval(5),
                                                              status: 200, error: nil, durationMs: 2, next: .delivered)])
        try state.store.writeHeartbeat(pid: 7, now: t0)

        // When the summary is read
        let summary = try StatusSummary.read(store: state.store, config: state.config, now: t0.addingTimeInterval(10))

        // Then the webhook shows its last success and last failure, and the daemon is alive
        let ops = try #require(summary.webhooks.first)
        #expect(ops.name == "ops" && ops.inConfig && ops.delivered == 1)
        #expect(ops.lastSuccess == t0.addingTimeInterval(5))
        #expect(ops.lastFailure == t0 && ops.lastFailureReason == "HTTP 503: busy")
        #expect(summary.daemon == DaemonState(state: "alive", pid: 7, heartbeat: t0))
    }

    @Test func read_whenOneSecretUnusable_marksThatWebhookParkedAndTheStateSound() throws {
        // Given two webhooks, "bad" with a secret file that does not exist
        let state = try ExampleState(files: ["2026-03-02-liveblog-norway-belarus.txt"], webhooks: ["ops", "bad"])
        defer { state.remove() }
        var config = state.config
        config.webhooks[1].secret = .file(state.root + "/missing.secret")

        // When the summary is read
        let summary = try StatusSummary.read(store: state.store, config: config, environment: [:])

        // Then only "bad" is parked, naming its file, and quick_check found nothing
        #expect(summary.integrity == "ok")
        #expect(summary.webhooks.first { $0.name == "ops" }?.parked == nil)
        let parked = try #require(summary.webhooks.first { $0.name == "bad" }?.parked)
        #expect(parked.contains("missing.secret"), "\(parked)")
    }
}

/// `check-config` and SIGHUP: the `[http]` token file is checked with the rest.
struct HTTPConfigCheckTests {
    @Test func validate_whenTokenFileMissingOrEmpty_refusesItByKey() throws {
        // Given a config whose [http] token_file does not exist, then is empty
        let state = try ExampleState(files: [])
        defer { state.remove() }
        var config = state.config
        config.http = HTTPConfig(host: "0.0.0.0", port: 9464, tokenFile: state.root + "/http.token")
        let logger = Logger(label: "test")

        // When it is checked, Then http.token_file is the problem
        for contents in [nil, " \n"] as [String?] {
            if let contents { try contents.write(toFile: state.root + "/http.token", atomically: true, encoding: .utf8) }
            #expect {
                _ = try ConfigCheck.validate(config, file: "t.toml", environment: [:], logger: logger)
            } throws: { error in
                (error as? ConfigError)?.problems.map(\.key) == ["http.token_file"]
            }
        }
        // and a file holding a token passes
        try "s3cret\n".write(toFile: state.root + "/http.token", atomically: true, encoding: .utf8)
        _ = try ConfigCheck.validate(config, file: "t.toml", environment: [:], logger: logger)
    }
}
