import StorywatchModel

/// Events → developments for one storyline: a value-type state machine with no I/O
/// (style §2). The caller loads the state, calls `record`, and stores the state again.
package struct Tracker: Sendable {
    /// Days between consecutive events after which a storyline starts afresh.
    package var windowDays: Int

    package init(windowDays: Int = 730) {
        self.windowDays = windowDays
    }

    /// Records `event` in `state` and returns the development it raises, if any
    /// (one event raises at most one). Kind `new` marks the first event of a storyline.
    ///
    /// `related` holds the entries of the one-party storylines of the dyad's parties: a truce
    /// reported with one side named ("the truce went into effect") still binds both.
    package func record(_ event: Event, in state: inout StorylineState, related: [ThreadEntry] = []) -> Development? {
        if let date = event.date, let last = state.lastDate, date.ordinal - last.ordinal > windowDays {
            state.entries.removeAll()
        }
        let history = state.entries
        let entry = ThreadEntry(event: event, sequence: state.nextSequence)
        state.nextSequence += 1
        state.entries.append(entry)
        if state.entries.count > StorylineState.historyLimit {
            state.entries.removeFirst(state.entries.count - StorylineState.historyLimit)
        }
        // An event dated before the storyline's latest state updates history only.
        if let date = event.date, let last = state.lastDate, date < last {
            return nil
        }
        if let date = event.date { state.lastDate = max(state.lastDate ?? date, date) }

        if isRestatement(event, history: history) { return nil }
        let match: RuleMatch
        if history.isEmpty {
            match = Rules.evaluateCued(event, history: history, related: related) ?? RuleMatch(kind: .new, previous: nil)
        } else if let found = Rules.evaluate(event, history: history, related: related) {
            match = found
        } else {
            return nil
        }
        return DevelopmentBuilder.make(kind: match.kind, event: event, previous: match.previous, storyline: state)
    }

    /// The same side already said the same about the same action: nothing new.
    /// The side's latest stance in this thread already says the same.
    func isRestatement(_ e: Event, history: [ThreadEntry]) -> Bool {
        guard let last = history.last(where: { $0.event.side == e.side && $0.event.family == e.family }) else { return false }
        return last.event.status == e.status && last.event.target?.root == e.target?.root
            && (e.type != nil || last.event.quantity == e.quantity)
    }
}
