import StorywatchModel

/// One recorded event of a storyline, as the rules compare them.
package struct ThreadEntry: Sendable, Codable, Hashable {
    package var event: Event
    /// Arrival sequence across the storyline, for ordering undated events.
    package var sequence: Int

    package init(event: Event, sequence: Int) {
        self.event = event
        self.sequence = sequence
    }
}

/// The persisted state of one storyline: its dyad and the recent history of every thread.
package struct StorylineState: Sendable, Codable, Hashable {
    package var id: String
    /// Sorted actor roots: two for a dyad, one for a domestic story.
    package var roots: [String]
    package var entries: [ThreadEntry] = []
    package var nextSequence = 0
    package var lastDate: Day?

    /// History kept per storyline; old entries fall off so cost per event stays flat.
    package static let historyLimit = 400

    package init(id: String, roots: [String]) {
        self.id = id
        self.roots = roots
    }

    /// Records `event` as the newest entry; the oldest fall off past `historyLimit`.
    mutating func append(_ event: Event) {
        entries.append(ThreadEntry(event: event, sequence: nextSequence))
        nextSequence += 1
        if entries.count > Self.historyLimit { entries.removeFirst(entries.count - Self.historyLimit) }
    }

    /// The last event appended raised a development of `kind`: an act judged an answer (or a
    /// breach) is known as one, so a later report calling it so is a re-report, not news.
    mutating func remember(_ kind: DevelopmentKind) {
        guard let last = entries.indices.last else { return }
        if kind == .retaliation { entries[last].event.isResponse = true }
        if kind == .violation { entries[last].event.isBreach = true }
    }
}
