import Foundation
import StorywatchConfig
import StorywatchModel
@testable import StorywatchService
import StorywatchStore
import Testing

/// `storylines`, `show` and `mute` over a state built from the example corpus.
struct BrowseTests {
    @Test func storylines_whenExampleCorpusScanned_listsEveryStorylineWithItsTurns() throws {
        // Given the example corpus scanned
        let state = try ExampleState()
        defer { state.remove() }

        // When the storylines are listed
        let list = try StorylineList(store: state.store).run()

        // Then each storyline of an alert is there, with as many developments as it raised
        #expect(list.count == (try state.store.counts().storylines))
        for (id, alerts) in Dictionary(grouping: state.alerts, by: \.development.storyline.id) {
            let line = try #require(list.first { $0.id == id }, "storyline \(id) missing")
            #expect(line.developments >= alerts.count)
            #expect(line.lastTurn != nil)
            #expect(line.events > 0)
        }
        // and the latest first
        let dates = list.compactMap(\.lastDate)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func storylines_whenFilteredByActorAndSince_keepsOnlyThoseStorylines() throws {
        // Given the example corpus scanned
        let state = try ExampleState()
        defer { state.remove() }
        let all = try StorylineList(store: state.store).run()

        // When filtered by Norway and by a date after the March articles
        let norway = try StorylineList(store: state.store).run(actor: "nor")
        let april = try StorylineList(store: state.store).run(since: Day(year: 2026, month: 4, day: 1))

        // Then only storylines with a Norwegian side, and only those active since April, remain
        #expect(!norway.isEmpty && norway.count < all.count)
        #expect(norway.allSatisfy { $0.sides.contains { $0.hasPrefix("NOR") } })
        #expect(!april.isEmpty && april.count < all.count)
        #expect(april.allSatisfy { ($0.lastDate ?? "") >= "2026-04-01" })
    }

    @Test func show_whenStorylineReversed_marksTheTurnAndLinksTheEventItTurnsFrom() throws {
        // Given the Norway–Belarus articles scanned: a proposal, then the president's refusal
        let state = try ExampleState()
        defer { state.remove() }
        let reversal = try #require(state.alerts.first { $0.development.kind == .reversal })

        // When its storyline is shown
        guard case .storyline(let timeline) = try StorylineShow(store: state.store).run(id: reversal.development.storyline.id) else {
            Issue.record("not a storyline")
            return
        }

        // Then the reversal sits on its event, in date order, and points back at an earlier event
        let turned = try #require(timeline.events.first { $0.turn?.id == reversal.id })
        #expect(turned.quote == reversal.development.event.quote)
        #expect(turned.turn?.kind == "reversal")
        let previous = try #require(turned.turn?.previous)
        #expect(previous < turned.index)
        #expect(timeline.events[previous - 1].quote == reversal.development.previous?.quote)
        let dates = timeline.events.compactMap(\.date)
        #expect(dates == dates.sorted())
    }

    @Test func show_whenDevelopmentID_returnsItWithItsStorylineEvents() throws {
        // Given the example corpus scanned
        let state = try ExampleState()
        defer { state.remove() }
        let alert = try #require(state.alerts.first)

        // When the development is shown
        let result = try StorylineShow(store: state.store).run(id: alert.id)

        // Then it names its kind, storyline and event
        guard case .development(let detail) = result else {
            Issue.record("not a development")
            return
        }
        #expect(detail.kind == alert.development.kind.rawValue)
        #expect(detail.storyline == alert.development.storyline.id)
        #expect(detail.event?.quote == alert.development.event.quote)
        #expect(detail.storylineEvents.contains { $0.turn?.id == alert.id })
    }

    @Test func show_whenUnknownID_throwsUnknownID() throws {
        let state = try ExampleState(files: ["2026-03-03-wire-belarus-refuses.txt"])
        defer { state.remove() }
        #expect(throws: BrowseError.unknownID("XXX-YYY")) { try StorylineShow(store: state.store).run(id: "XXX-YYY") }
    }

    @Test func open_whenNoStateInFolder_throwsNoStateAndCreatesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-none-\(UUID().uuidString)").path
        #expect(throws: BrowseError.noState(directory: folder)) { try BrowseState.open(directory: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

/// `mute` and `unmute`: a muted storyline's developments are recorded but queue no alert.
struct MuteTests {
    static let proposal = "2026-03-02-liveblog-norway-belarus.txt"
    static let refusal = "2026-03-03-wire-belarus-refuses.txt"

    /// Scans the proposal, mutes its storyline (or not), then scans the refusal: returns the
    /// reversal and the outbox rows it queued.
    private func reversalAfter(muting: Bool, until: Day? = nil) throws -> (Alert, [OutboxEntry], StorylineSummary?) {
        let state = try ExampleState(files: [Self.proposal], webhooks: ["ops"])
        defer { state.remove() }
        let storylines = try StorylineList(store: state.store).run(actor: "BLR")
        let id = try #require(storylines.first { $0.sides.contains("NOR") }?.id)
        if muting { try Mute(store: state.store).mute(id: id, until: until) }
        try ExampleState.copy(Self.refusal, into: try #require(state.config.corpus))
        let alerts = try ExampleState.scan(config: state.config, store: state.store)
        let reversal = try #require(alerts.first { $0.development.kind == .reversal && $0.development.storyline.id == id })
        let rows = try state.store.outboxEntries(state: .pending).filter { $0.developmentID == reversal.id }
        return (reversal, rows, try StorylineList(store: state.store).run().first { $0.id == id })
    }

    @Test func scan_whenStorylineMuted_recordsTheDevelopmentButQueuesNoAlert() throws {
        let (reversal, rows, line) = try reversalAfter(muting: true)
        #expect(rows.isEmpty)
        #expect(line?.muted == MuteView(until: nil))
        #expect(line?.lastTurn == reversal.development.kind.rawValue)
    }

    /// The control: the same scan without the mute queues the reversal for the webhook.
    @Test func scan_whenStorylineNotMuted_queuesTheAlert() throws {
        let (_, rows, line) = try reversalAfter(muting: false)
        #expect(rows.map(\.webhook) == ["ops"])
        #expect(line?.muted == nil)
    }

    @Test func scan_whenMuteHasExpired_queuesTheAlert() throws {
        // A mute through a day before the scan: recorded as is, and no longer holding.
        let state = try ExampleState(files: [Self.proposal], webhooks: ["ops"])
        defer { state.remove() }
        let id = try #require(try StorylineList(store: state.store).run(actor: "NOR").first?.id)
        try state.store.mute(storylineID: id, until: Day(year: 2020, month: 1, day: 1))
        try ExampleState.copy(Self.refusal, into: try #require(state.config.corpus))
        _ = try ExampleState.scan(config: state.config, store: state.store)
        #expect(try !state.store.outboxEntries(state: .pending).isEmpty)
        #expect(try StorylineList(store: state.store).run().first { $0.id == id }?.muted == nil)
    }

    @Test func mute_whenUntilInThePastOrUnknownID_refuses() throws {
        let state = try ExampleState(files: [Self.proposal])
        defer { state.remove() }
        let id = try #require(try StorylineList(store: state.store).run().first?.id)
        let mute = Mute(store: state.store, today: Day(year: 2026, month: 12, day: 5))
        #expect(throws: MuteError.untilPast(Day(year: 2026, month: 12, day: 4))) {
            try mute.mute(id: id, until: Day(year: 2026, month: 12, day: 4))
        }
        #expect(throws: BrowseError.unknownID("NOPE")) { try mute.mute(id: "NOPE", until: nil) }
        #expect(try state.store.mutes().isEmpty)
    }

    @Test func unmute_whenMuted_liftsItOnce() throws {
        let state = try ExampleState(files: [Self.proposal])
        defer { state.remove() }
        let id = try #require(try StorylineList(store: state.store).run().first?.id)
        try Mute(store: state.store).mute(id: id, until: nil)
        #expect(try Mute(store: state.store).unmute(id: id))
        #expect(try !Mute(store: state.store).unmute(id: id))
    }
}
