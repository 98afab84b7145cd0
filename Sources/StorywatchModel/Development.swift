/// The kinds of turn a storyline can take (design §3), in precedence order.
package enum DevelopmentKind: String, Sendable, Codable, CaseIterable {
    case violation, retaliation, reversal, fulfilled, escalation
    case deEscalation = "de-escalation"
    case update, new
}

/// A storyline as an alert names it.
package struct StorylineRef: Sendable, Hashable, Codable {
    package var id: String
    package var title: String
    package var actors: [String]

    package init(id: String, title: String, actors: [String]) {
        self.id = id
        self.title = title
        self.actors = actors
    }
}

/// A change in a storyline a person wants to hear about.
package struct Development: Sendable, Hashable, Codable {
    /// Stable id derived from what the development says: the idempotency key.
    package var id: String
    package var kind: DevelopmentKind
    package var summary: String
    package var storyline: StorylineRef
    package var event: Event
    package var previous: Event?

    package init(id: String, kind: DevelopmentKind, summary: String, storyline: StorylineRef,
                 event: Event, previous: Event?) {
        self.id = id
        self.kind = kind
        self.summary = summary
        self.storyline = storyline
        self.event = event
        self.previous = previous
    }
}
