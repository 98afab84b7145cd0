import StorywatchModel

/// Events → developments for one storyline: a value-type state machine with no I/O
/// (style §2). The caller loads the state, calls `record`, and stores the state again.
package struct Tracker: Sendable {
    /// Days between consecutive events after which a storyline starts afresh.
    package var windowDays: Int
    /// Plain names of actor roots for summaries ("RUS" → "Russia").
    package var names: [String: String]

    package init(windowDays: Int = 730, names: [String: String] = [:]) {
        self.windowDays = windowDays
        self.names = names
    }

    /// Records `event` in `state` and returns the development it raises, if any
    /// (one event raises at most one). Kind `new` marks the first event of a storyline.
    ///
    /// `related` holds the entries of the one-party storylines of the dyad's parties: truces
    /// reported with one side named at a time bind the dyad once both sides are named.
    package func record(_ event: Event, in state: inout StorylineState, related: [ThreadEntry] = []) -> Development? {
        if case .raised(let development) = assess(event, in: &state, related: related) { return development }
        return nil
    }

    /// What recording an event did, with the reason when it raised nothing (for `explain`).
    package enum Outcome: Sendable {
        case raised(Development)
        case silent(String)
    }

    /// The event carries out its side's plan, dated later than the event by the day the plan named.
    static func carriesOutLaterPlan(_ event: Event, history: [ThreadEntry]) -> Bool {
        guard let date = event.date, let plan = Rules.fulfilled(event, history: history)?.previous, let planned = plan.date else { return false }
        return planned > date
    }

    /// Records `event` and says why it did or did not raise a development.
    package func assess(_ event: Event, in state: inout StorylineState, related: [ThreadEntry] = []) -> Outcome {
        // Rules compare parties: a domestic act has one.
        var event = event
        event.target = event.foreignTarget
        if let date = event.date, let last = state.lastDate, date.ordinal - last.ordinal > windowDays {
            state.entries.removeAll()
        }
        let history = state.entries
        state.append(event)
        // An event dated before the storyline's latest state updates history only, unless it
        // carries out a plan dated by the day it was to happen ("would halt imports from Feb 20",
        // then "halted imports on Feb 17").
        if let date = event.date, let last = state.lastDate, date < last, !Self.carriesOutLaterPlan(event, history: history) {
            return .silent("dated \(date), before the storyline's latest state (\(last)): history only")
        }
        if let date = event.date { state.lastDate = max(state.lastDate ?? date, date) }

        if event.isBackground {
            return .silent("background: the sentence recounts what came before the document's news (history only)")
        }
        if isRestatement(event, history: history) {
            return .silent("a re-report: this side already took this stance on this action")
        }
        let match: RuleMatch
        if history.isEmpty {
            match = Rules.evaluateCued(event, history: history, related: related) ?? RuleMatch(kind: .new, previous: nil)
        } else if let found = Rules.evaluate(event, history: history, related: related) {
            match = found
        } else {
            return .silent("no rule fits: not a turn against the storyline's history (\(history.count) earlier events)")
        }
        state.remember(match.kind)
        return .raised(DevelopmentBuilder(names: names).make(kind: match.kind, event: event, previous: match.previous, storyline: state))
    }

    /// A re-report: the side already took this stance on this action towards this party
    /// ("Earlier in the day, Lavrov suggested…" after his proposal was known). Tolls are news
    /// when their figure changes; a re-statement that now calls the act an answer or a breach
    /// is judged again.
    func isRestatement(_ e: Event, history: [ThreadEntry]) -> Bool {
        if e.type == nil {
            guard let last = history.last(where: { $0.event.type == nil && $0.event.quantity?.unit == e.quantity?.unit }) else { return false }
            return last.event.quantity == e.quantity
        }
        // Force used again on another day is a new act, not a re-report of the last one.
        let recurring: Set<EventType> = [.assault, .coerce, .mobilize]
        return history.contains { p in
            p.event.side == e.side && p.event.family == e.family && p.event.status == e.status
                && p.event.object == e.object && p.event.target?.side == e.target?.side
                && (p.event.isResponse || !e.isResponse) && (p.event.isBreach || !e.isBreach)
                && !(e.status == .done && e.type.map(recurring.contains) == true && !sameDay(p.event, e))
        }
    }

    /// Force told in two documents dated a day apart is one act re-reported (a dateline and
    /// "yesterday" disagree by a day); in one document, two dates are two acts.
    private func sameDay(_ a: Event, _ b: Event) -> Bool {
        a.date == b.date || (a.document != b.document && Rules.withinADay(a.date, b.date))
    }
}
