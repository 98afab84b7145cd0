import Foundation
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// `storywatch show ID`: a storyline's timeline, or one development with its storyline's.
package struct StorylineShow: Sendable {
    package var store: Store
    package var today: Day

    package init(store: Store, today: Day = Day(Date())) {
        self.store = store
        self.today = today
    }

    /// What an id names.
    package enum Result: Sendable, Equatable {
        case storyline(StorylineTimeline)
        case development(DevelopmentDetail)
    }

    /// Looks `id` up as a storyline, then as a development. Throws `BrowseError.unknownID`.
    package func run(id: String) throws -> Result {
        if let timeline = try timeline(id: id) { return .storyline(timeline) }
        if let development = try store.development(id: id) {
            let timeline = try timeline(id: development.storylineID)
            let turn = timeline?.events.first { $0.turn?.id == id }
            return .development(DevelopmentDetail(id: development.id, kind: development.kind, summary: development.summary,
                                                  storyline: development.storylineID, document: development.document,
                                                  event: turn, storylineEvents: timeline?.events ?? []))
        }
        throw BrowseError.unknownID(id)
    }

    /// The timeline of a stored storyline; nil when there is none (or its state cannot be read).
    func timeline(id: String) throws -> StorylineTimeline? {
        guard let stored = try store.storyline(id: id), let state = StorylineState.decode(stored.state) else { return nil }
        return StorylineTimeline.build(state: state, developments: try store.developments(storylineID: id),
                                       mute: try Mute.active(store: store, on: today)[id])
    }
}

/// One development: what it says and the event it was raised on, marked in its storyline.
package struct DevelopmentDetail: Sendable, Codable, Equatable {
    package var id: String
    package var kind: String
    package var summary: String
    package var storyline: String
    package var document: String
    /// The event in the storyline's timeline, with the turn and its `previous` link; nil when it
    /// has fallen out of the kept history.
    package var event: TimelineEvent?
    package var storylineEvents: [TimelineEvent]

    enum CodingKeys: String, CodingKey {
        case id, kind, summary, storyline, document, event, storylineEvents = "storyline_events"
    }
}
