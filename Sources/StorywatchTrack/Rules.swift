import StorywatchModel

/// What a rule found: the kind and the earlier event it changes or answers.
package struct RuleMatch: Sendable, Equatable {
    package var kind: DevelopmentKind
    package var previous: Event?
}

/// The rule table of design §3, one function per kind, each readable and testable on its own.
/// `history` is the storyline's entries before the event, oldest first.
package enum Rules {
    /// The table's precedence: the first rule that fits wins.
    /// Rules the sentence itself can satisfy, even as the first event of a storyline.
    package static func evaluateCued(_ event: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        violation(event, history: history, related: related)
            ?? (event.isResponse ? retaliation(event, history: history) : nil)
    }

    package static func evaluate(_ event: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        violation(event, history: history, related: related)
            ?? retaliation(event, history: history)
            ?? reversal(event, history: history)
            ?? fulfilled(event, history: history)
            ?? escalation(event, history: history)
            ?? deEscalation(event, history: history)
            ?? update(event, history: history)
    }

    static func isForce(_ e: Event) -> Bool { e.type == .assault }

    /// A truce or deal is in force: agreed (done) and not cancelled or refused since.
    static func truceInForce(_ history: [ThreadEntry]) -> Event? {
        var truce: Event?
        for entry in history where isTruce(entry.event) {
            switch entry.event.status {
            case .done, .promised: truce = entry.event
            case .cancelled, .refused: truce = nil
            default: break
            }
        }
        return truce
    }

    static func isTruce(_ e: Event) -> Bool {
        (e.type == .retreat && e.mode == "ceasefire") || (e.type == .agree && e.mode == "ceasefire")
    }

    /// Force used while a truce of the storyline is in force, or a sentence saying it was breached.
    package static func violation(_ e: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        guard isForce(e), e.status == .done else { return nil }
        // Only a truce between the same two parties counts: the storyline is their dyad.
        let dyad = Set([e.source?.root, e.target?.root].compactMap { $0 })
        // A truce known only from one-party reports ("Israel will respect the truce", "the
        // Palestinian factions began the truce") binds the dyad when those reports name both.
        let relatedTruces = related.filter { isTruce($0.event) && ($0.event.date == nil || e.date == nil || $0.event.date! <= e.date!) }
        let coveredRoots = Set(relatedTruces.flatMap { [$0.event.source?.root, $0.event.target?.root].compactMap { $0 } })
        let usable = dyad.isSubset(of: coveredRoots) ? relatedTruces : []
        let merged = (history.filter { $0.event.date == nil || e.date == nil || $0.event.date! <= e.date! } + usable).sorted { ($0.event.date ?? .init(year: 0, month: 1, day: 1), $0.sequence) < ($1.event.date ?? .init(year: 0, month: 1, day: 1), $1.sequence) }
        let truceHistory = merged.filter { entry in
            dyad.count == 2 && Set([entry.event.source?.root, entry.event.target?.root].compactMap { $0 }).isSubset(of: dyad)
        }
        if let truce = truceInForce(truceHistory) { return RuleMatch(kind: .violation, previous: truce) }
        if e.isBreach && isForce(e) { return RuleMatch(kind: .violation, previous: nil) }
        return nil
    }

    /// Framed as an answer by the sentence, or B doing to A what A did to B.
    package static func retaliation(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard let side = e.source?.root else { return nil }
        let answered = history.last { entry in
            let p = entry.event
            return p.source?.root != nil && p.source?.root != side && p.target?.root == side
                && [.done].contains(p.status) && p.type != nil
                && (p.family == e.family || (p.type?.conflictRank ?? -1) >= 2)
        }
        if e.isResponse {
            // Only a hostile act answers another; "his first response to the report" does not.
            guard (e.type?.conflictRank ?? 0) >= 1 else { return nil }
            // An answer needs someone answered: a named target, or a stated intent ("would respond").
            if let target = e.target?.root, target == side { return nil }
            guard e.target != nil || e.status.isIntent else { return nil }
            guard e.status != .refused, e.status != .denied, e.status != .cancelled else { return nil }
            return RuleMatch(kind: .retaliation, previous: answered?.event)
        }
        guard e.status == .done || e.status.isIntent, e.type != nil, let target = e.target?.root, target != side else { return nil }
        // Force answers force whatever the weapon; other actions answer the same family.
        func sameKind(_ p: Event) -> Bool { p.family == e.family || (isForce(p) && isForce(e)) }
        let mirrored = history.last { entry in
            let p = entry.event
            return p.status == .done && p.source?.root == target && p.target?.root == side && sameKind(p)
        }
        // Our own earlier action of the same family means this is a repeat, not an answer.
        let ownEarlier = history.contains { $0.event.source?.root == side && sameKind($0.event) && $0.event.status == .done
            && $0.event.target?.root == target && $0.sequence > (mirrored?.sequence ?? Int.max) }
        // Only hostile acts are answered in kind; meetings and deals are reciprocal by nature.
        guard let mirrored, !ownEarlier, (e.type?.conflictRank ?? 0) >= 2 else { return nil }
        return RuleMatch(kind: .retaliation, previous: mirrored.event)
    }

    /// The same side moves against its own earlier stance in the same thread.
    /// Speech acts (asking, rejecting, accusing, threatening, protesting) are stances, not
    /// actions with a thread of their own to reverse or fulfil.
    static func isStance(_ e: Event) -> Bool {
        guard let type = e.type else { return true }
        return [.request, .reject, .accuse, .threaten, .protest, .support, .agree].contains(type)
    }

    package static func reversal(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard let side = e.side, !isStance(e) else { return nil }
        if e.status == .admitted {
            // A denial of the same storyline by the same speaker, whatever words it used.
            if let denial = history.last(where: { $0.event.side == side && $0.event.status == .denied }) {
                let admittedSince = history.contains { $0.sequence > denial.sequence && $0.event.side == side && $0.event.status == .admitted }
                return admittedSince ? nil : RuleMatch(kind: .reversal, previous: denial.event)
            }
            return nil
        }
        guard let last = history.last(where: { $0.event.side == side && $0.event.family == e.family }) else { return nil }
        let before = last.event.status
        let turned: Bool = switch (before, e.status) {
        case (let b, .refused) where b.isIntent: true
        case (let b, .cancelled) where b.isIntent: true
        case (.refused, .promised), (.refused, .done): true
        case (.done, .cancelled): true
        default: false
        }
        return turned ? RuleMatch(kind: .reversal, previous: last.event) : nil
    }

    /// A proposed, threatened, promised or demanded action of the same side is now done. A
    /// meeting held or a deal made as planned is the expected course, not a turn.
    package static func fulfilled(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard e.status == .done, let side = e.side, e.target != nil, ![.retreat, .agree, .consult].contains(e.type), !isStance(e) else { return nil }
        // The side's latest firm stance in the thread; musings ("could", "likely") do not break it.
        guard let last = history.last(where: { $0.event.side == side && $0.event.family == e.family && $0.event.status != .considered }),
              last.event.status.isIntent, last.event.quote != e.quote else { return nil }
        // When both name a target it must be the same party.
        if let t1 = last.event.target?.root, let t2 = e.target?.root, t1 != t2 { return nil }
        return RuleMatch(kind: .fulfilled, previous: last.event)
    }

    /// A party newly using force in a storyline that had a history, or a larger harm.
    package static func escalation(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard e.status == .done, let side = e.source?.root, isForce(e), !history.isEmpty, e.target != nil else { return nil }
        let usedForceBefore = history.contains { $0.event.source?.root == side && isForce($0.event) && $0.event.status == .done }
        if !usedForceBefore {
            return RuleMatch(kind: .escalation, previous: history.last?.event)
        }
        return nil
    }

    /// A truce agreed after fighting, or talks resumed after a break.
    package static func deEscalation(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        // Talks agreed or held again after they were suspended or refused.
        if e.type == .consult, e.status == .done || e.status == .promised, e.target != nil,
           let lastTalks = history.last(where: { $0.event.type == .consult && $0.event.target != nil }),
           lastTalks.event.status == .cancelled || lastTalks.event.status == .refused {
            return RuleMatch(kind: .deEscalation, previous: lastTalks.event)
        }
        guard isTruce(e), e.status == .done, e.source != nil else { return nil }
        let fighting = history.last { isForce($0.event) && $0.event.status == .done }
        guard let fighting, truceInForce(history) == nil else { return nil }
        return RuleMatch(kind: .deEscalation, previous: fighting.event)
    }

    /// A key figure (a toll) changes: same unit, a different value.
    package static func update(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard e.type == nil, let q = e.quantity, let unit = q.unit else { return nil }
        let figures = history.filter { $0.event.type == nil && $0.event.quantity != nil }
        guard let last = figures.last(where: { $0.event.quantity?.unit == unit }) else {
            // The first death toll of a disaster already being reported is a turn for the worse.
            if unit == "dead", let anyFigure = figures.last { return RuleMatch(kind: .escalation, previous: anyFigure.event) }
            return figures.isEmpty ? nil : RuleMatch(kind: .update, previous: figures.last?.event)
        }
        guard let before = last.event.quantity?.value, before != q.value else { return nil }
        return RuleMatch(kind: unit == "dead" && q.value > before ? .escalation : .update, previous: last.event)
    }
}
