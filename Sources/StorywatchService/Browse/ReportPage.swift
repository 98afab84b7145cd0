import Foundation
import StorywatchModel

/// What the report template reads: plain strings and flags, every text escaped by the template.
struct ReportPage {
    let generated: String
    let since: String?
    let storylines: [ReportStoryline]
    let storylineCount: Int
    let developmentCount: Int
    let empty: Bool

    init(timelines: [StorylineTimeline], since: Day?, linkTemplate: String?, generatedAt: Date) {
        generated = ISO8601DateFormatter().string(from: generatedAt)
        self.since = since?.description
        storylines = timelines.map { ReportStoryline($0, linkTemplate: linkTemplate) }
        storylineCount = timelines.count
        developmentCount = timelines.reduce(0) { $0 + $1.events.filter { $0.turn != nil }.count }
        empty = timelines.isEmpty
    }
}

struct ReportStoryline {
    let id: String
    let title: String
    let muted: String?
    let events: [ReportEvent]
    let summary: String

    init(_ t: StorylineTimeline, linkTemplate: String?) {
        id = t.id
        title = t.sides.joined(separator: " – ")
        muted = t.muted.map { $0.until.map { "muted until \($0)" } ?? "muted" }
        let count = t.events.count
        events = t.events.map { ReportEvent($0, of: count, linkTemplate: linkTemplate) }
        let turns = events.filter { $0.turn != nil }.count
        let dates = t.events.compactMap(\.date)
        let span = dates.first.map { first in first == dates.last ? first : "\(first) – \(dates.last ?? first)" }
        summary = [span, "\(count) event\(count == 1 ? "" : "s")", "\(turns) development\(turns == 1 ? "" : "s")"]
            .compactMap { $0 }.joined(separator: " · ")
    }
}

struct ReportEvent {
    let index: Int
    let date: String
    let status: String
    let action: String
    let parties: String
    let quote: String
    let document: String
    let link: String?
    let background: Bool
    /// Left offset on the storyline's axis, in percent: events spaced evenly in date order.
    let position: String
    let turn: ReportTurn?

    init(_ e: TimelineEvent, of count: Int, linkTemplate: String?) {
        index = e.index
        date = e.date ?? "undated"
        status = e.status
        action = [e.type, e.mode == "other" ? nil : e.mode].compactMap { $0 }.joined(separator: "/")
        parties = [e.source ?? "?", e.target].compactMap { $0 }.joined(separator: " → ")
        quote = e.quote
        document = e.document
        link = linkTemplate.flatMap { DocumentLink.url(template: $0, document: e.document) }
        background = e.background
        let fraction = count > 1 ? Double(e.index - 1) / Double(count - 1) : 0.5
        position = String(format: "%.2f", 2 + fraction * 96)
        turn = e.turn.map(ReportTurn.init)
    }
}

struct ReportTurn {
    let id: String
    let kind: String
    let summary: String
    /// "turns from #2", or the earlier event's quote when it is no longer in the timeline.
    let before: String?

    init(_ t: TimelineTurn) {
        id = t.id
        kind = t.kind
        summary = t.summary
        if let previous = t.previous {
            before = "turns from #\(previous)"
        } else if let quote = t.previousQuote {
            before = "before: “\(quote)” (\(t.previousDocument ?? ""))"
        } else {
            before = nil
        }
    }
}
