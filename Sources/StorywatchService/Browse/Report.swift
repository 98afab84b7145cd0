import Foundation
import StorywatchConfig
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// `storywatch report --html FILE [--since DATE]` and the listener's `/`: every storyline as a
/// timeline, one self-contained page (`ReportHTML`).
package struct Report: Sendable {
    package var store: Store
    /// Documents become links through it ("https://news.example.org/{path}"); nil: plain text.
    package var linkTemplate: String?
    package var today: Day

    package init(store: Store, linkTemplate: String?, today: Day = Day(Date())) {
        self.store = store
        self.linkTemplate = linkTemplate
        self.today = today
    }

    /// The first webhook's `link_template`, where one has it: the report links documents as the
    /// alerts do.
    package static func linkTemplate(_ config: StorywatchConfig) -> String? {
        config.webhooks.lazy.compactMap(\.linkTemplate).first
    }

    /// The storylines with an event on or after `since` (all when nil): those with developments
    /// first, then the latest.
    package func timelines(since: Day? = nil) throws -> [StorylineTimeline] {
        let mutes = try Mute.active(store: store, on: today)
        var timelines: [StorylineTimeline] = []
        for stored in try store.allStorylines() {
            if let since, (stored.lastDate.flatMap(Day.init(iso:)).map { $0 < since } ?? true) { continue }
            guard let state = StorylineState.decode(stored.state) else { continue }
            timelines.append(StorylineTimeline.build(state: state, developments: try store.developments(storylineID: stored.id),
                                                     mute: mutes[stored.id]))
        }
        return timelines.sorted { a, b in
            if (a.developments > 0) != (b.developments > 0) { return a.developments > 0 }
            let (x, y) = (a.events.last?.date ?? "", b.events.last?.date ?? "")
            return x != y ? x > y : a.id < b.id
        }
    }

    /// The whole page.
    package func html(since: Day? = nil, generatedAt: Date = Date()) throws -> String {
        ReportHTML.render(ReportPage(timelines: try timelines(since: since), since: since, linkTemplate: linkTemplate,
                                     generatedAt: generatedAt))
    }
}
