import Foundation
import StorywatchModel

/// Reads the events of one sentence: triggers, then for each its source, target, status,
/// speaker, quantity and cues (design §3).
struct SentenceReader {
    let lex: Lexicon
    /// Keep for each event what `explain` shows (`EventEvidence`).
    var explains = true
    /// The token and mention lists, kept from sentence to sentence of a document: one
    /// allocation each, not one a sentence.
    private let scratch = Scratch()

    private final class Scratch {
        var tokens: [Token] = []
        var mentions: [Mention] = []
    }

    /// - Parameters:
    ///   - itemDate: the item's (or document's) date; a date in the sentence takes precedence.
    ///   - itemDated: the item has a date of its own, so vague mentions do not move the event.
    ///   - emit: takes each event read, in order (handed over, not gathered in a list of its own).
    ///
    /// The passes, in order: the sentence view (tokens, parties, triggers, cues); each trigger
    /// read as an action (`actions`); the clause's reports chosen (`ClauseSelection`); then what
    /// the chosen events, policy stances, a conditional warning or a toll emit (`emitSelected`).
    func read(_ sentence: String, document: String, itemDate: Day?, itemDated: Bool = false,
              context: inout ResolutionContext, emit: (consuming Event, consuming EventEvidence) -> Void) {
        guard let view = view(of: sentence, document: document, itemDate: itemDate, context: &context) else { return }
        var dates = SentenceDates(tokens: view.tokens, lex: lex, itemDate: itemDate, itemDated: itemDated, lastTold: context.lastToldDate)
        let candidates = actions(view, dates: &dates)
        emitSelected(candidates, view, dates: &dates, context: &context, emit: emit)
        if let told = dates.toldDate { context.lastToldDate = told }
    }

    /// The sentence as the rules read it: its tokens, parties, action triggers and cues.
    private func view(of sentence: String, document: String, itemDate: Day?, context: inout ResolutionContext) -> SentenceView? {
        lex.tokenize(sentence, into: &scratch.tokens)
        let tokens = scratch.tokens
        guard !tokens.isEmpty else { return nil }
        ActorFinder(lex: lex, day: itemDate).find(tokens, context: &context, into: &scratch.mentions)
        BothSides.addMentions(tokens, to: &scratch.mentions, pair: context.lastPair, lex: lex)
        let mentions = scratch.mentions
        for k in mentions.indices { context.rootCounts[mentions[k].actor.root, default: 0] += 1 } // (in place: no mention copied)
        // "the opposition alliance", "the Committee to Protect Journalists": a word of a name is no act.
        var triggers = lex.findTriggers(tokens)
        triggers.removeAll { t in mentions.contains { $0.start <= t.anchor && t.end <= $0.end } }
        // "with Egypt's help", "its backing": a verb's word after a possessor is a noun; a
        // past participle there describes one ("their promised reforms").
        for i in triggers.indices where !triggers[i].entry.nominal && triggers[i].anchor > 0 {
            let word = tokens[triggers[i].anchor]
            if lex.isA(tokens[triggers[i].anchor - 1], WordClass.possessive), !(word.ends(.ed) && !word.isLemma) {
                triggers[i].entry = triggers[i].entry.asNoun()
            }
        }
        // Cues qualify triggers, and stances on a policy (`PolicyStance`).
        let namesPolicy = PolicyStance(lex: lex).namesPolicy(tokens)
        // A word inside a name ("the State Department") is no cue. "its promised sanctions", "the
        // threatened strike", "the upcoming talks": a participle or a word of plan describing a
        // noun after a determiner is no stance taken in this sentence; it may tell a known plan
        // (`KnownPlan`).
        var cues = triggers.isEmpty && !namesPolicy ? [] : lex.findCues(tokens)
        var described: [Cue] = []
        cues.removeAll { c in
            if isNameWord(at: c.start, tokens) || mentions.contains(where: { $0.start <= c.start && c.start < $0.end }) { return true }
            guard c.end - c.start == 1, c.start > 0, c.end < tokens.count, lex.isA(tokens[c.start - 1], WordClass.determiner),
                  tokens[c.end].kind == .word else { return false }
            let participle = tokens[c.start].ends(.ed) && !tokens[c.start].isLemma
            guard participle || (c.kind == .promised && triggers.contains { $0.entry.nominal && $0.anchor == c.end }) else { return false }
            described.append(c)
            return true
        }
        // "a threatened ban on imports would…": the word such a participle describes is a noun.
        for i in triggers.indices where !triggers[i].entry.nominal && described.contains(where: { $0.end == triggers[i].anchor }) {
            triggers[i].entry = triggers[i].entry.asNoun()
        }
        return SentenceView(text: sentence, document: document, tokens: tokens, mentions: mentions, triggers: triggers,
                            cues: cues, describing: described, namesPolicy: namesPolicy)
    }

    /// What the chosen candidates, the policy stances, a conditional warning or a toll emit.
    private func emitSelected(_ candidates: consuming [Candidate], _ view: SentenceView, dates: inout SentenceDates,
                              context: inout ResolutionContext, emit: (consuming Event, consuming EventEvidence) -> Void) {
        let (tokens, mentions, cues) = (view.tokens, view.mentions, view.cues)
        // Moved out one by one: a candidate's event and evidence are not copied.
        var selected = ClauseSelection.select(consume candidates, view, lex: lex)
        var stances = view.namesPolicy ? PolicyStance(lex: lex).stances(tokens, mentions: mentions, cues: cues) : []
        PolicyAnaphora.resolve(&stances, tokens, lastPolicy: &context.lastPolicy, lex: lex)
        // "…, it will harm all trade and cooperation": what a warning says would be harmed names no act.
        let warning = ConditionalWarning(lex: lex).warning(tokens, mentions: mentions)
        if let harm = warning?.harm.start { selected.removeAll { $0.trigger.anchor > harm } }
        // "Chile's offer was unacceptable, Peru said": the offer judged is no act of this sentence.
        let judged = JudgedUnacceptable(lex: lex).rejection(tokens, mentions: mentions, cues: cues) { k in
            selected.contains { $0.trigger.anchor == k }
        }
        if let head = judged?.head { selected.removeAll { $0.trigger.anchor == head } }
        let emitsAction = selected.contains { !AgentlessForce.leavesToll($0) } || !stances.isEmpty
        selected.reverse()
        while var c = selected.popLast() {
            aimAtCondition(&c, view)
            codeUnattributedForce(&c, view)
            // An action taken on a policy ("withdrew its demand") is about it: the stance is its own.
            if let k = stances.firstIndex(where: { $0.head == c.trigger.anchor }) {
                // "withdrew its demand": the noun the stance is taken on is the act, with the stance's status.
                c.event.status = stances[k].status
                c.event.object = stances[k].object
                stances.remove(at: k)
            } else if let k = stances.firstIndex(where: { $0.cue.start >= c.trigger.anchor - 1 && $0.cue.start <= c.trigger.end }) {
                // A verb that is the stance's own cue names no act but the stance.
                if !c.trigger.entry.nominal, (stances[k].cue.start..<stances[k].cue.end).contains(c.trigger.anchor) { continue }
                c.event.object = stances[k].object
                stances.remove(at: k)
            }
            if let s = c.event.source, let t = c.event.target, s.side != t.side, c.event.type != nil { context.lastPair = (s, t) }
            emit(c.event, c.evidence)
        }
        /// An event the sentence tells as a whole (a warning, a judgement, a stance), with how it was read for `explain`.
        func emitWhole(_ source: Actor?, _ target: Actor?, _ type: EventType?, _ mode: ActionMode, _ status: EventStatus,
                       object: String? = nil, isBackground: Bool = false, _ reading: @autoclosure () -> EventEvidence.Reading) {
            let event = Event(source: source, target: target, type: type, mode: mode.rawValue, status: status, date: dates.date,
                              document: view.document, quote: view.text, object: object, isBackground: isBackground)
            emit(event, explains ? EventEvidence(tokens: tokens, reading: reading(), habitual: false) : EventEvidence(habitual: false))
        }
        if !emitsAction, let warning {
            emitWhole(warning.speaker.actor, warning.target.actor, .threaten, .relations, .threatened,
                      .conditionalWarning(warning.harm, speaker: warning.speaker, target: warning.target))
        }
        if let judged {
            emitWhole(judged.speaker.actor, judged.owner.actor, .reject, .other, .refused,
                      .judged(judged.cue, speaker: judged.speaker, owner: judged.owner))
        }
        for stance in stances {
            emitWhole(stance.source?.actor, stance.addressee?.actor, stance.compromise ? .concede : nil, .other, stance.status,
                      object: stance.object, isBackground: Background.isInAsideRelative(stance.cue.start, tokens, lex: lex),
                      .policy(stance.cue, object: stance.object))
        }
        if !emitsAction, let toll = toll(tokens, mentions: mentions, document: view.document, sentence: view.text, date: dates.date) {
            emit(toll.event, toll.evidence)
        }
    }

    /// "threatened to end the talks if Norway expels…": a threat is aimed at the one whose act is its condition.
    private func aimAtCondition(_ c: inout Candidate, _ view: SentenceView) {
        let tokens = view.tokens
        if c.event.status == .threatened, c.event.target == nil || c.event.target?.root == c.event.source?.root,
           let cond = (c.trigger.end..<tokens.count).first(where: { tokens[$0].is(.if) || tokens[$0].is(.unless) }),
           let party = view.mentions.first(where: { $0.start > cond && $0.start <= cond + 3 }), party.actor.root != c.event.source?.root {
            c.event.target = party.actor
        }
    }

    /// "a bomb attack in Lima", "killed … outside the Russian city of Pskov": force with no
    /// agent named is coded to the country it happens in (PLOVER's convention).
    private func codeUnattributedForce(_ c: inout Candidate, _ view: SentenceView) {
        guard c.event.type == .assault, c.event.source == nil, let place = place(of: c.trigger, view.tokens, view.mentions)?.actor else { return }
        c.event.source = Actor(code: place.root, name: place.name)
        if c.event.target == nil { c.event.target = c.event.source }
        if explains {
            c.evidence.placeNote = "force with no agent named, coded to where it happens: \(place.name) → \(place.root)"
        }
    }

    /// The cue closest before the action decides; a negation turns an intent into a refusal.
    func status(_ t: Trigger, _ tokens: [Token], _ window: [Cue], cuesAfter: [Cue] = []) -> (EventStatus, Cue?) {
        // (The window is read in place, not filtered into lists: this runs for every action.)
        let nearest = nearestStatusCue(window, tokens)
        let negationFrom = nearest.map { $0.start - 3 } ?? t.anchor - 4
        let negated = window.contains { isNegation($0, tokens) && $0.start >= negationFrom }
        if nearest == nil, let later = statusAfterNoun(t, tokens, cuesAfter) {
            return (EventStatus(rawValue: later.kind.rawValue) ?? .considered, later)
        }
        guard let nearest else { return (statusWithoutCue(t, tokens, negated: negated, goesOn: Continuing.isOngoing(t, cues: window)), nil) }
        return (status(of: nearest, negated: negated, tokens), nearest)
    }

    /// A cue of status (no negation, answer, breach, report, habit, compromise, claim, going on, cause or judgement).
    private static func isStatus(_ c: Cue) -> Bool {
        ![.negation, .response, .breach, .report, .habitual, .compromised, .claim, .ongoing, .caused, .described, .recap, .judged].contains(c.kind)
    }

    /// Lone "no", "anybody", "without" quantify the object ("expel anybody"); "no longer" negates.
    private func isNegation(_ c: Cue, _ tokens: [Token]) -> Bool {
        c.kind == .negation && !(c.end - c.start == 1 && lex.isA(tokens[c.start], WordClass.quantifierCue))
            && !Litotes.cancelsNegation(start: c.start, end: c.end, tokens, lex: lex)
    }

    /// The last status cue of the window; a bare modal ("would", "will") yields to a proposal,
    /// demand or threat that governs it.
    private func nearestStatusCue(_ window: [Cue], _ tokens: [Token]) -> Cue? {
        let nearest = window.last(where: Self.isStatus)
        if let n = nearest, [.promised, .considered].contains(n.kind), lex.isA(tokens[n.start], WordClass.modal),
           let governing = window.last(where: { Self.isStatus($0) && [.proposed, .demanded, .threatened].contains($0.kind) }) {
            return governing
        }
        return nearest
    }

    /// "the new tariffs … are expected to take effect": a noun's status can follow it.
    private func statusAfterNoun(_ t: Trigger, _ tokens: [Token], _ cuesAfter: [Cue]) -> Cue? {
        guard t.entry.nominal,
              let later = cuesAfter.first(where: { $0.start >= t.end && $0.start < t.end + 6
                  && [.considered, .promised, .threatened, .refused, .cancelled].contains($0.kind) }),
              // ("an ultimatum to Syria to stop…": what follows "to" is its content).
              !tokens[later.start - 1].is(.to),
              // ("for his possible part in…": an adjective after a determiner describes another noun).
              !lex.isA(tokens[later.start - 1], WordClass.possessive),
              !(tokens[later.start - 1].is(.a) || tokens[later.start - 1].is(.an) || tokens[later.start - 1].is(.the)),
              !stopsSomethingElse(later, after: t, tokens) else { return nil }
        return later
    }

    /// "a strike by dockers halted exports", "the raid ended the truce": a stopping verb after
    /// the noun, with no "be" before it and an object of its own after it, has the noun as its
    /// subject; what it stops is that object ("the strike was halted" stops the strike).
    private func stopsSomethingElse(_ cue: Cue, after t: Trigger, _ tokens: [Token]) -> Bool {
        guard cue.kind == .cancelled, cue.end < tokens.count, case let next = tokens[cue.end], next.kind == .word,
              !lex.isA(next, WordClass.preposition | WordClass.temporal | WordClass.clauseEnd | WordClass.quantifierCue),
              !next.ends(.ly) else { return false }
        return !(t.end..<cue.start).contains { lex.isA(tokens[$0], WordClass.be | WordClass.auxiliary) }
    }

    /// With no status cue: done, denied or refused when negated, promised after "to".
    private func statusWithoutCue(_ t: Trigger, _ tokens: [Token], negated: Bool, goesOn: Bool) -> EventStatus {
        if negated {
            // "she did not sell the rifles": a past act said not to have happened is a denial;
            // "will not", "does not plan to" refuse a future one.
            if (max(0, t.anchor - 3)..<t.anchor).contains(where: { lex.isA(tokens[$0], WordClass.pastAuxiliary) }) { return .denied }
            return .refused
        }
        // "continued to shell": the "to" of going on is no plan.
        if t.anchor > 0, tokens[t.anchor - 1].is(.to), tokens[t.anchor].isLemma, !goesOn {
            // "the US decision to expel diplomats" reports a decision taken.
            if t.anchor > 1, lex.isA(tokens[t.anchor - 2], WordClass.decision) { return .done }
            return .promised
        }
        return .done
    }

    /// The status a cue gives, negated or not.
    private func status(of nearest: Cue, negated: Bool, _ tokens: [Token]) -> EventStatus {
        switch nearest.kind {
        case .denied: negated ? .considered : .denied
        case .admitted: negated ? .denied : .admitted
        case .refused:
            negated && (nearest.start..<nearest.end).contains { tokens[$0].is(.rule) || tokens[$0].lemmaIs(.rule) } ? .considered
                : (negated ? .promised : .refused)
        case .cancelled: negated ? .refused : .cancelled
        case .proposed: negated ? .refused : .proposed
        case .demanded: negated ? .refused : .demanded
        case .threatened: negated ? .refused : .threatened
        case .promised: negated ? .refused : .promised
        case .considered: negated ? .refused : .considered
        default: .done
        }
    }

    /// The action a response cue frames as an answer. "X did Y in retaliation for Z": Y, the
    /// action before the cue; never Z, the answered action inside the cue's phrase; a cue that
    /// opens the sentence belongs to the main clause after its comma.
    func answeringTrigger(for cue: Cue, _ tokens: [Token], _ triggers: [Trigger], adjectival allowAdjectival: Bool = true) -> Int? {
        let phraseEnd: Int = {
            guard lex.isA(tokens[max(cue.end - 1, cue.start)], WordClass.phraseHead) ||
                  (cue.end < tokens.count && lex.isA(tokens[cue.end], WordClass.phraseHead)) else { return cue.end }
            var j = cue.end
            while j < tokens.count && !(tokens[j].is(.comma) || tokens[j].is(.semicolon) || tokens[j].is(.period)) && j - cue.end < 12 { j += 1 }
            return j
        }()
        if allowAdjectival, let own = triggers.indices.first(where: { triggers[$0].tokens.contains(cue.start) }) {
            return mainAct(after: own, tokens, triggers) ?? own
        }
        let inside = triggers.indices.filter { triggers[$0].anchor >= cue.start && triggers[$0].anchor < phraseEnd }
        // "retaliatory measures", "a tit-for-tat move": the cue qualifies the action it names.
        let adjectival = inside.first { triggers[$0].anchor >= cue.start && triggers[$0].anchor <= cue.end && phraseEnd == cue.end }
        if allowAdjectival, let adjectival { return adjectival }
        // "…and Uganda answered by ordering out three envoys": the means after the cue verb is
        // the answer, not the act told before it.
        if cue.kind == .response, let by = (cue.end..<min(tokens.count, cue.end + 4)).first(where: { tokens[$0].is(.by) }),
           PassiveAgent.isMeans(at: by, tokens) {
            return triggers.indices.first { triggers[$0].anchor == by + 1 }
        }
        // An answer is a deliberate act (a verb); a breach may be any act right before the cue
        // ("a rocket attack … despite the truce").
        if let before = triggers.indices.last(where: { triggers[$0].anchor < cue.start && (!allowAdjectival || !triggers[$0].entry.nominal) }) {
            return before
        }
        if let after = triggers.indices.first(where: { triggers[$0].anchor >= phraseEnd && !inside.contains($0) }) {
            return after
        }
        // "the answer to Chadian raids": the only action is the one answered; nothing answers it.
        return phraseEnd > cue.end ? nil : nearestTrigger(to: cue.start, triggers)
    }

    /// "In a tit-for-tat move, Malawi expelled…": a noun of an act in a phrase that opens the
    /// sentence names the act of the main clause after its comma, the verb there.
    private func mainAct(after own: Int, _ tokens: [Token], _ triggers: [Trigger]) -> Int? {
        let noun = triggers[own]
        guard noun.entry.nominal, let opener = (0..<noun.anchor).first(where: { lex.isA(tokens[$0], WordClass.phrasePreposition) }),
              opener <= 1, let comma = (noun.end..<min(tokens.count, noun.end + 2)).first(where: { tokens[$0].is(.comma) }) else { return nil }
        return triggers.indices.first { triggers[$0].anchor > comma && !triggers[$0].entry.nominal }
    }

    private func nearestTrigger(to position: Int, _ triggers: [Trigger?]) -> Int? {
        triggers.indices.filter { triggers[$0] != nil }.min {
            abs(triggers[$0]!.anchor - position) < abs(triggers[$1]!.anchor - position)
        }
    }

    /// Numbers in the action's object, added up when joined by "and" ("31 employees … and four diplomats").
    func quantity(_ tokens: [Token], from: Int, to: Int) -> Quantity? {
        var total = 0.0
        var seen = false
        var i = from
        while i < min(to, tokens.count) {
            // A figure belongs to this action's object only up to the end of its clause.
            if seen && (tokens[i].is(.comma) || tokens[i].is(.semicolon) || tokens[i].is(.colon)) { break }
            // Most tokens are no figure: those are passed over without being copied.
            guard lex.isFigure(tokens[i]) else {
                i += 1
                continue
            }
            let t = tokens[i]
            var value: Double?
            if t.kind == .number, let v = Self.number(t.lower) { value = v }
            else if let v = (t.lowerID >= 0 ? lex.table.numberWord[Int(t.lowerID)] : nil) { value = v }
            // Years and days of the month ("on 9 April", "April 9") are dates, not figures.
            if let v = value, v >= 1900, v <= 2100, v == v.rounded(), !t.lower.contains(",") { value = nil }
            if value != nil, (i + 1 < tokens.count && isMonth(tokens[i + 1])) || (i > 0 && isMonth(tokens[i - 1])) { value = nil }
            // "accused one another": a pronoun, no figure.
            if i + 1 < tokens.count, tokens[i + 1].is(.another) { value = nil }
            if let v = value, i + 1 < tokens.count, tokens[i + 1].kind != .punct, !lex.isA(tokens[i + 1], WordClass.measureUnit) {
                if !seen || (i > 0 && (max(from, i - 8)..<i).contains { tokens[$0].is(.and) }) {
                    total += v
                    seen = true
                }
            }
            i += 1
        }
        return seen ? Quantity(value: total) : nil
    }

    /// `t.lower.hasPrefix("retaliat")`: by bytes for ASCII text, as every action word is read.
    static func isRetaliation(_ t: Token) -> Bool {
        var text = t.text
        let ascii = text.withUTF8 { p -> Bool? in
            guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard p.count >= 8 else { return false }
            // (A letter ORed with 0x20 is its lower case; no other ASCII byte becomes a letter.)
            return zip(p.prefix(8), "retaliat".utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        return ascii ?? t.lower.hasPrefix("retaliat")
    }

    /// The token names a month (`DateText.months`), by its id: every month word is interned.
    func isMonth(_ t: Token) -> Bool { lex.namesMonth(t) }

    /// `Double(text.replacingOccurrences(of: ",", with: ""))`, without Foundation for ASCII text.
    private static func number(_ text: String) -> Double? {
        var comma = false
        for b in text.utf8 {
            if b >= 0x80 { return Double(text.replacingOccurrences(of: ",", with: "")) }
            if b == 0x2C { comma = true }
        }
        guard comma else { return Double(text) }
        return Double(String(decoding: text.utf8.filter { $0 != 0x2C }, as: UTF8.self))
    }

    /// The country a place phrase of the sentence names ("in Lima", "near the Russian city of
    /// Pskov"): the first after the action, else the first before it.
    func place(of t: Trigger, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        // Places and countries the dictionaries name, not people ("in my view").
        let places = mentions.filter { m in
            guard case .dictionary = m.reason, !m.isPerson else { return false }
            guard let at = NestedPlace.locative(before: m.start, tokens, lex: lex) else { return false }
            // Only "the", "of" and plain words ("town", "capital") between: "in the Russian city of";
            // "in which" opens a clause, no place ("an attack in which Chilean guards died").
            return !mentions.contains { $0.start > at && $0.start < m.start }
                && (at + 1..<m.start).allSatisfy { tokens[$0].kind == .word && !tokens[$0].isCapitalized && !lex.isA(tokens[$0], WordClass.relative) }
        }
        return places.first { $0.start >= t.end } ?? places.last
    }

    /// "Nine people died in the flood": a toll with no actor (design §3: type null, figures kept).
    private func toll(_ tokens: [Token], mentions: [Mention], document: String, sentence: String, date: @autoclosure () -> Day?)
        -> (event: Event, evidence: EventEvidence)? {
        // By index: no token is copied.
        for i in tokens.indices {
            var value: Double?
            if tokens[i].kind == .number, let v = Self.number(tokens[i].lower) { value = v }
            else if let v = (tokens[i].lowerID >= 0 ? lex.table.numberWord[Int(tokens[i].lowerID)] : nil) { value = v }
            guard let v = value else { continue }
            for k in (i + 1)..<min(tokens.count, i + 6) {
                guard let unit = lex.tollUnit(tokens[k]) else { continue }
                if tokens[k].is(.board), !tokens[k - 1].is(.on) { continue } // a toll word only after on
                let roots = Array(Set(mentions.map(\.actor.root))).sorted()
                let place = roots.first.map { Actor(code: $0, name: $0) }
                let event = Event(source: nil, target: place, type: nil, mode: ActionMode.other.rawValue, status: .done,
                                  quantity: Quantity(value: v, unit: unit), date: date(), document: document, quote: sentence)
                return (event, explains ? EventEvidence(tokens: tokens, reading: .toll(figureAt: i, unitAt: k, roots: roots))
                    : EventEvidence(habitual: false))
            }
        }
        return nil
    }
}

/// One sentence as the rules read it: its words, the parties it names, its action triggers and
/// cues. The rules read these, not the text.
struct SentenceView {
    let text: String
    let document: String
    let tokens: [Token]
    let mentions: [Mention]
    let triggers: [Trigger]
    let cues: [Cue]
    /// Stance words describing a noun ("the scheduled talks"), not taken as stances.
    let describing: [Cue]
    /// It names a policy object a stance may be taken on (`PolicyStance`).
    let namesPolicy: Bool
}

/// The sentence's date and whether it names a past year: read once, and only when an event
/// needs them.
struct SentenceDates {
    let tokens: [Token]
    let lex: Lexicon
    let itemDate: Day?
    let itemDated: Bool
    /// The date an earlier sentence told (`ResolutionContext.lastToldDate`).
    let lastTold: Day?

    init(tokens: [Token], lex: Lexicon, itemDate: Day?, itemDated: Bool, lastTold: Day?) {
        (self.tokens, self.lex, self.itemDate, self.itemDated, self.lastTold) = (tokens, lex, itemDate, itemDated, lastTold)
    }

    /// The date phrase of the sentence, read once, when an event first asks.
    private var found: (day: Day, at: Int)?? = nil
    var dated: (day: Day, at: Int)? {
        mutating get {
            if let found { return found }
            let read = DateFinder.dated(tokens: tokens, lex: lex, reference: itemDate, itemDated: itemDated, lastTold: lastTold)
            found = .some(read)
            return read
        }
    }
    lazy var date: Day? = dated?.day ?? itemDate

    /// The date this sentence told, if an event asked for it.
    var toldDate: Day? { found??.day }

    /// The date of the act told at `anchor`: the sentence's, unless the date phrase lies inside
    /// a clause about a noun after the act (`ReducedRelative.holdsDate`).
    mutating func date(ofActAt anchor: Int) -> Day? {
        guard let dated, anchor < dated.at, ReducedRelative.holdsDate(after: anchor, dateAt: dated.at, tokens, lex: lex) else { return date }
        return itemDate
    }
    lazy var namesPastYear: Bool = Background.namesPastYear(tokens, itemDate: itemDate, lex: lex)
}
