import StorywatchModel

/// What a rule found: the kind and the earlier event it changes or answers.
package struct RuleMatch: Sendable, Equatable {
    package var kind: DevelopmentKind
    package var previous: Event?
}

/// The rule table of design §3, one function per kind, each readable and testable on its own.
/// `history` is the storyline's entries before the event, oldest first. Parties are compared
/// by side (`Actor.side`): a government and the rebels of its own country are two sides.
package enum Rules {
    /// Rules the sentence itself can satisfy, even as the first event of a storyline.
    package static func evaluateCued(_ event: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        violation(event, history: history, related: related)
            ?? (event.isResponse ? retaliation(event, history: history) : nil)
            ?? admission(event, history: history, related: related)
            ?? impliedReversal(event, history: history)
            ?? fulfilled(event, history: history, related: related)
    }

    /// The table's precedence: the first rule that fits wins.
    package static func evaluate(_ event: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        violation(event, history: history, related: related)
            ?? retaliation(event, history: history)
            ?? admission(event, history: history, related: related)
            ?? reversal(event, history: history)
            ?? fulfilled(event, history: history, related: related)
            ?? escalation(event, history: history)
            ?? deEscalation(event, history: history)
            ?? update(event, history: history)
    }

    static func isForce(_ e: Event) -> Bool { e.type == .assault }

    /// Types whose acts answer one another whatever their mode (`retaliation` without a cue).
    static let answeredInKindByType: Set<EventType?> = [.assault, .coerce, .sanction]

    /// Force, or coercion on the ground (seizures, arrests): what breaks a truce.
    static func breaksTruce(_ e: Event) -> Bool { e.type == .assault || e.type == .coerce }

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

    /// The two sides an event names (one when it names one).
    static func sides(_ e: Event) -> Set<String> { Set([e.source?.side, e.target?.side].compactMap { $0 }) }

    /// A truce made by side `party` binds side `side`: the same side, or a country's own
    /// groups when the truce was made in the country's name ("the Palestinians agreed a truce";
    /// an armed group of theirs fires).
    static func binds(_ party: String, _ side: String) -> Bool {
        party == side || (party.count == 3 && side.hasPrefix(party))
    }

    /// Force or coercion while a truce of the storyline is in force, or a sentence saying it was breached.
    package static func violation(_ e: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        guard breaksTruce(e), e.status == .done else { return nil }
        // Only a truce between the same two parties counts: the storyline is their dyad.
        let dyad = sides(e)
        func notLater(_ entry: ThreadEntry) -> Bool { entry.event.date == nil || e.date == nil || entry.event.date! <= e.date! }
        // A truce known only from one-party reports ("Israel will respect the truce", "the
        // Palestinian factions began the truce") binds the dyad when those reports name both.
        let relatedTruces = related.filter { isTruce($0.event) && notLater($0) }
        let covered = Set(relatedTruces.flatMap { sides($0.event) })
        let usable = dyad.allSatisfy { s in covered.contains { binds($0, s) } } ? relatedTruces : []
        let merged = (history.filter(notLater) + usable).sorted {
            ($0.event.date ?? .init(year: 0, month: 1, day: 1), $0.sequence) < ($1.event.date ?? .init(year: 0, month: 1, day: 1), $1.sequence)
        }
        let truceHistory = merged.filter { entry in dyad.count == 2 && sides(entry.event).allSatisfy { t in dyad.contains { binds(t, $0) } } }
        if let truce = truceInForce(truceHistory) { return RuleMatch(kind: .violation, previous: truce) }
        // "Despite the truce" said of an act that takes ground or people, or uses force.
        if e.isBreach, isForce(e) || ["seize", "arrest", "abduct"].contains(e.mode) { return RuleMatch(kind: .violation, previous: nil) }
        return nil
    }

    /// Framed as an answer by the sentence, or B doing to A what A did to B.
    package static func retaliation(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard let side = e.source?.side else { return nil }
        let answered = history.last { entry in
            let p = entry.event
            return p.source != nil && p.source?.side != side && p.target?.side == side
                && p.status == .done && p.type != nil
                && (p.family == e.family || (p.type?.conflictRank ?? -1) >= 1)
        }
        if e.isResponse {
            // Only a hostile act answers another; "his first response to the report" does not.
            guard (e.type?.conflictRank ?? 0) >= 1 else { return nil }
            // An answer needs someone answered: a named target, or a stated intent ("would respond").
            if let target = e.target?.side, target == side { return nil }
            guard e.target != nil || e.status.isIntent else { return nil }
            guard e.status != .refused, e.status != .denied, e.status != .cancelled else { return nil }
            return RuleMatch(kind: .retaliation, previous: answered?.event)
        }
        guard e.status == .done || e.status.isIntent, e.type != nil, let target = e.target?.side, target != side else { return nil }
        // An act told as going on ("still shelling") began before the news: it answers no latest blow.
        if e.isOngoing { return nil }
        // Force, coercion and sanctions answer their own type whatever the weapon, word or
        // measure ("a boat seized" by "a crew detained" or "lorries barred"); other actions
        // answer the same family.
        func sameKind(_ p: Event) -> Bool {
            p.family == e.family || (p.type == e.type && Self.answeredInKindByType.contains(p.type))
        }
        let mirrored = history.last { entry in
            let p = entry.event
            return p.status == .done && p.source?.side == target && p.target?.side == side && sameKind(p)
        }
        // Our own earlier action of the same family means this is a repeat, not an answer.
        let ownEarlier = history.contains { $0.event.source?.side == side && sameKind($0.event) && $0.event.status == .done
            && $0.event.target?.side == target && $0.sequence > (mirrored?.sequence ?? Int.max) }
        // Only hostile acts are answered in kind; meetings and deals are reciprocal by nature.
        guard let mirrored, !ownEarlier, (e.type?.conflictRank ?? 0) >= 2 else { return nil }
        // In a war already fought both ways, one more blow is the fighting going on, not an
        // answer to the last one: only a sentence framing it as an answer makes it one.
        if atWar(history) { return nil }
        return RuleMatch(kind: .retaliation, previous: mirrored.event)
    }

    /// Both sides of the storyline have used force or coercion on each other.
    static func atWar(_ history: [ThreadEntry]) -> Bool {
        let blows = history.filter { breaksTruce($0.event) && $0.event.status == .done }
        let strikers = Set(blows.compactMap { b in b.event.target?.side == nil ? nil : b.event.source?.side })
        return strikers.count >= 2
    }

    /// Speech acts (asking, rejecting, accusing, threatening) and agreements are stances, not
    /// actions with a thread of their own to reverse or fulfil.
    static func isStance(_ e: Event) -> Bool {
        guard let type = e.type else { return e.object == nil }
        return [.request, .reject, .accuse, .threaten, .support, .agree].contains(type)
    }

    /// The thread an event continues: the same action family, or the same policy object.
    static func sameThread(_ a: Event, _ b: Event) -> Bool {
        if let x = a.object, let y = b.object { return x == y }
        return a.family == b.family
    }

    /// The same side moves against its own earlier stance in the same thread.
    /// Admitting what the same side denied, whatever words it used and whichever storyline the
    /// denial was filed under (`related` holds the side's own storyline, where every denial of
    /// it is copied: `StorylineBook`).
    package static func admission(_ e: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        guard e.status == .admitted, let side = e.side else { return nil }
        let said = (history + related).filter { $0.event.side == side && ($0.event.status == .denied || $0.event.status == .admitted) }
        guard let denial = said.filter({ $0.event.status == .denied }).max(by: { order($0) < order($1) }) else { return nil }
        let admittedSince = said.contains { $0.event.status == .admitted && order($0) > order(denial) && $0.event.quote != e.quote }
        return admittedSince ? nil : RuleMatch(kind: .reversal, previous: denial.event)
    }

    /// Entries of several storylines in time order: by date, then arrival.
    private static func order(_ entry: ThreadEntry) -> (Int, Int) { (entry.event.date?.ordinal ?? Int.min, entry.sequence) }

    package static func reversal(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard let side = e.side, e.status != .admitted else { return nil }
        guard !isStance(e) || e.object != nil || withdrawsOwnAsk(e) else { return nil }
        guard let last = history.last(where: { $0.event.side == side && sameThread($0.event, e) }) else {
            return impliedReversal(e, history: history)
        }
        let before = last.event.status
        let turned: Bool = switch (before, e.status) {
        case (let b, .refused) where b.isIntent: true
        case (let b, .cancelled) where b.isIntent: true
        case (.refused, .promised), (.refused, .done): true
        case (.done, .cancelled): true
        default: false
        }
        // Pressing on with a policy, then giving ground on it (design §2: compromised).
        let compromised = e.object != nil && e.type == .concede && e.status == .done && (before.isIntent || before == .done)
            && last.event.type != .concede
        return turned || compromised ? RuleMatch(kind: .reversal, previous: last.event) : nil
    }

    /// A side dropping its own plan, giving ground on it, or withdrawing its own request turns
    /// against a stance the act itself implies, even when no earlier report of it was read (design §3, reversal).
    package static func impliedReversal(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        let givesGround = e.object != nil && e.type == .concede && e.status == .done
        guard e.status == .cancelled && (e.object != nil || withdrawsOwnAsk(e)) || givesGround, let side = e.side else { return nil }
        // Once per thread: a second report of the same drop is a re-report.
        let known = history.contains { $0.event.side == side && sameThread($0.event, e) && $0.event.status == e.status }
        return known ? nil : RuleMatch(kind: .reversal, previous: nil)
    }

    /// A request or condition called off by the one who made it.
    static func withdrawsOwnAsk(_ e: Event) -> Bool { e.type == .request && e.status == .cancelled }

    /// A proposed, threatened, promised or demanded action of the same side is now done. A
    /// meeting held or a deal made as planned is the expected course, not a turn; saying a
    /// threat or a demand again is no act carried out.
    /// A plan announced with no party named is kept in the side's own storyline (`related`): the
    /// act done later against a party carries it out all the same ("the union voted to strike";
    /// later its members walk out against the government).
    package static func fulfilled(_ e: Event, history: [ThreadEntry], related: [ThreadEntry] = []) -> RuleMatch? {
        // A rejection carried out ("vetoed the resolution") reads as refused.
        let carriedOut = e.status == .done || (e.type == .reject && e.status == .refused)
        guard carriedOut, let side = e.side, let type = e.type,
              ![.retreat, .agree, .consult, .threaten, .request, .support].contains(type) else { return nil }
        let ownPlans = related.filter { $0.event.side == side && $0.event.target == nil && $0.event.object == nil && $0.event.status.isIntent }
        let history = ownPlans.isEmpty ? history : (history + ownPlans).sorted { order($0) < order($1) }
        // The side's latest firm stance in the thread; musings ("could", "likely") do not break it.
        guard let last = history.last(where: { $0.event.side == side && sameThread($0.event, e) && $0.event.status != .considered }),
              last.event.status.isIntent, last.event.quote != e.quote else { return nil }
        // The same party, when both name one.
        if let t1 = last.event.target?.side, let t2 = e.target?.side, t1 != t2 { return nil }
        // A side's acts with no party acted on share a family by chance, unless they are about
        // the same policy, or a strike or demonstration called and then held.
        if e.target == nil, e.object == nil || last.event.object != e.object, type != .protest { return nil }
        return RuleMatch(kind: .fulfilled, previous: last.event)
    }

    /// How hard an event bears on the other side: an act done counts its type's place on the
    /// conflict scale; an act threatened or promised counts as a threat; other stances, nothing.
    static func severity(_ e: Event) -> Int {
        guard let rank = e.type?.conflictRank else { return -1 }
        switch e.status {
        case .done: return rank
        case .threatened, .promised: return min(rank, EventType.threaten.conflictRank!)
        default: return -1
        }
    }

    /// The storyline gets harsher: a party newly using force, or an act higher on the conflict
    /// scale than any before it (from a threat up).
    package static func escalation(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard !history.isEmpty, let side = e.source?.side else { return nil }
        if e.status == .done, isForce(e), e.target != nil,
           !history.contains(where: { $0.event.source?.side == side && isForce($0.event) && $0.event.status == .done }) {
            return RuleMatch(kind: .escalation, previous: history.last?.event)
        }
        if let larger = largerHarm(e, history: history) { return RuleMatch(kind: .escalation, previous: larger.event) }
        let level = severity(e)
        // Harsher towards someone: a side's acts with no party named share no conflict.
        guard level >= EventType.threaten.conflictRank!, e.target != nil else { return nil }
        // The same day's measure told again in other words ("imposed sanctions", then "adopted
        // restrictions") is a re-report, not a harsher act.
        if e.status == .done, history.contains(where: { p in
            p.event.status == .done && p.event.source?.side == side && p.event.target?.side == e.target?.side
                && severity(p.event) >= EventType.sanction.conflictRank! && withinADay(p.event.date, e.date)
        }) { return nil }
        guard let harshest = history.max(by: { severity($0.event) < severity($1.event) }),
              severity(harshest.event) >= 0, level > severity(harshest.event) else { return nil }
        return RuleMatch(kind: .escalation, previous: harshest.event)
    }

    /// "A larger quantity of the same harm" (design §3): the side's last act of the same type
    /// on the same party, done and counted, counted lower than this one ("killed 40 soldiers",
    /// then "killed 300").
    static func largerHarm(_ e: Event, history: [ThreadEntry]) -> ThreadEntry? {
        guard e.status == .done, (e.type?.conflictRank ?? 0) >= EventType.sanction.conflictRank!,
              let q = e.quantity, let side = e.source?.side, let target = e.target?.side else { return nil }
        guard let last = history.last(where: { p in
            p.event.status == .done && p.event.type == e.type && p.event.source?.side == side
                && p.event.target?.side == target && p.event.quantity.map { $0.unit == q.unit } == true
        }), let before = last.event.quantity?.value, q.value > before else { return nil }
        return last
    }

    /// Two dates a day apart at most (a dateline against "yesterday"); unknown dates are not.
    static func withinADay(_ a: Day?, _ b: Day?) -> Bool {
        guard let a, let b else { return false }
        return abs(a.ordinal - b.ordinal) <= 1
    }

    /// An act that eases a conflict: talks offered, agreed or held, a deal or truce, a
    /// withdrawal or release, a concession, a hostile measure lifted.
    static func eases(_ e: Event) -> Bool {
        switch (e.type, e.status) {
        case (.consult?, .done), (.consult?, .promised), (.consult?, .proposed): true
        case (.agree?, .done), (.retreat?, .done), (.retreat?, .promised), (.concede?, .done): true
        case (let type?, .cancelled): (type.conflictRank ?? 0) >= 2
        default: false
        }
    }

    /// Days after which an unanswered threat or blow no longer makes a crisis of its own.
    static let crisisDays = 60

    /// The last act that made the storyline tense (a threat, sanction, force, refusal, or a
    /// protest or strike staged or threatened) within
    /// `crisisDays` of `date`, when nothing has eased it since. A plan only referred to
    /// (background: "over his scheduled talks") eases nothing.
    static func tension(_ history: [ThreadEntry], at date: Day? = nil) -> Event? {
        for entry in history.reversed() {
            if let date, let then = entry.event.date, date.ordinal - then.ordinal > crisisDays { return nil }
            if eases(entry.event), !entry.event.isBackground { return nil }
            if severity(entry.event) >= EventType.threaten.conflictRank! || entry.event.status == .refused { return entry.event }
            // A strike or protest staged or threatened is pressure too ("unions will ballot on strikes").
            if entry.event.type == .protest, entry.event.status == .done || entry.event.status.isIntent { return entry.event }
            // Talks or a deal called off leave the parties at odds.
            if entry.event.status == .cancelled, entry.event.type == .consult || entry.event.type == .agree { return entry.event }
        }
        return nil
    }

    /// During a tense storyline, an act that eases it (design §3): routine meetings outside a
    /// crisis stay silent.
    package static func deEscalation(_ e: Event, history: [ThreadEntry]) -> RuleMatch? {
        guard eases(e), e.source != nil, e.target != nil, let tense = tension(history, at: e.date) else { return nil }
        return RuleMatch(kind: .deEscalation, previous: tense)
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
