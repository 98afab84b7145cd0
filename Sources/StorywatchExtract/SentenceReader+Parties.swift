import StorywatchModel

/// Who acts and who is acted on: the parties of a trigger (subject, object, passive agent,
/// joined subjects, appositions, "must"), and the words that are no action at all.
extension SentenceReader {
    struct Parties {
        var source: Mention?
        var target: Mention?
        var saidBy: Actor?
        /// "The US, Russia and Switzerland met": every party of a joint act, when more than two.
        var joint: [Mention] = []
        /// "Ghana and Togo vowed to block…": the other subjects of a non-joint act, each a source of its own.
        var coSubjects: [Mention] = []
    }

    /// Source before the action, target after it; passives swap them ("was expelled by").
    /// The rules in order: a passive or an act undergone settles both parties; else a noun's or
    /// a verb's own rules read them, and coordinated subjects are read back last.
    func parties(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], windowStart: Int) -> Parties? {
        let s = PartyScope(t, tokens, mentions, lex: lex)
        if PassiveAgent.isPassive(s) { return PassiveAgent.parties(s) }
        if let undergone = UndergoneAct.parties(s) { return undergone }
        var (p, settled) = t.entry.nominal ? nounParties(s) : verbParties(s)
        if let victims = RelativeVictims.victims(s) { p.target = victims }
        if settled { return p }
        CoordinatedSubjects.readBack(&p, s)
        return p
    }

    /// An action noun's parties ("US expulsion", "attacks by Russian warplanes", "assistance to
    /// Ukraine"); `settled` when a rule read both and no later rule may change them.
    private func nounParties(_ s: PartyScope) -> (Parties, settled: Bool) {
        if let p = NounAgent.parties(s) ?? Engagement.parties(s) { return (p, true) }
        var p = Parties()
        p.source = PossessiveActor.source(s) ?? LightVerbSubject.source(s) ?? TalksVisit.source(s)
        p.target = nounTarget(s, source: p.source)
        if let p = Custody.parties(s, source: p.source) { return (p, true) }
        if p.source == nil { p.target = UnnamedAttacker.target(s, named: p.target) }
        return (p, false)
    }

    /// "assistance to Ukraine in its war against Russia": help goes to someone, force against
    /// someone; else the party named right after the noun.
    private func nounTarget(_ s: PartyScope, source: Mention?) -> Mention? {
        let (t, tokens) = (s.trigger, s.tokens)
        let helps = [.aid, .support, .cooperate, .agree, .consult].contains(t.entry.type)
        func aims(_ w: Token) -> Bool {
            helps ? w.is(.to) || w.is(.with) || w.is(.for) || w.is(.on) || w.is(.of)
                : w.is(.against) || w.is(.on) || w.is(.of) || w.is(.to) || w.is(.targeting) || w.is(.at)
        }
        let target = s.after { m in
            var k = m.start - 1
            if k > 0, tokens[k].is(.the) || tokens[k].is(.a) || tokens[k].is(.an) { k -= 1 }
            return k >= 0 && aims(tokens[k])
        } ?? s.after { m in m.start - t.end - DayAdverbial.words(in: t.end..<max(t.end, m.start), tokens, lex: lex) <= 3 }
        // "killed in Chadian shelling of a Sudanese village": force used in a
        // place of another party is aimed at it.
        if target == nil, let source, t.entry.type == .assault {
            let sourceRoot = source.actor.root
            return s.mentions.first { $0.start >= t.end && $0.start < s.glossAt && !$0.actor.hasRoot(sourceRoot) }
        }
        return target
    }

    /// A verb's parties: its subject (a place acts for no one: "Kharkiv said…" is no act of
    /// Ukraine's) and its object; `settled` when the target is what a complaint is about.
    private func verbParties(_ s: PartyScope) -> (Parties, settled: Bool) {
        var p = Parties()
        p.source = SubordinateGerund.subject(s) ?? s.before.last { !s.isLocative($0) && !$0.isPlace }.map { Apposition.head(of: $0, s) }
        if let about = ComplaintTopic.target(s) {
            p.target = about
            return (p, true)
        }
        p.target = AccusedAgents.target(s) ?? verbObject(s, source: p.source)
        return (p, false)
    }

    /// The verb's object: a party other than the subject outside a place phrase; else one in a
    /// place phrase (force is aimed at the place it is used in: "reinforced its troops in Mali";
    /// another act only at one nearby); else any. Another party named as a place comes before
    /// the subject itself ("will withdraw their force from Chad").
    private func verbObject(_ s: PartyScope, source: Mention?) -> Mention? {
        let forceful = (s.trigger.entry.type.conflictRank ?? 0) >= 2
        let sourceRoot = source?.actor.root
        func other(_ m: Mention) -> Bool { sourceRoot.map { !m.actor.hasRoot($0) } ?? true }
        return s.after { m in other(m) && !s.isLocative(m) } ?? s.after { m in other(m) && (forceful || m.start - s.trigger.end <= 6) }
            ?? s.after() ?? (forceful ? edgeObject(s, other) : nil)
    }

    /// "shelled a Zambian border post": force whose object is named for a country's edge is
    /// aimed at that country (a country named for its edge is otherwise a place, no party).
    private func edgeObject(_ s: PartyScope, _ other: (Mention) -> Bool) -> Mention? {
        s.mentions.first { m in
            m.isEdge && m.start >= s.trigger.end && other(m)
                && (s.trigger.end..<m.start).allSatisfy { lex.isA(s.tokens[$0], WordClass.determiner) || lex.isFigure(s.tokens[$0]) }
        }
    }

    /// "the Emergency Relief Coordinator", "the Peace Implementation Council": a capitalised
    /// noun inside a name is no action.
    func isNameWord(_ t: Trigger, _ tokens: [Token]) -> Bool {
        t.entry.nominal && isNameWord(at: t.anchor, tokens)
    }

    /// "Secretary of State Ana Ruiz", "the State Department": a capitalised word next to
    /// another inside the sentence is a word of a name, no verb of report or stance (a word
    /// in capitals, as in a headline, may be either).
    func isNameWord(at a: Int, _ tokens: [Token]) -> Bool {
        a > 0 && tokens[a].isCapitalized && tokens[a].text.utf8.contains { $0 &- 0x61 < 26 }
            && (tokens[a - 1].isCapitalized || (a + 1 < tokens.count && tokens[a + 1].isCapitalized))
    }

    /// "his alleged role", "alleged abuses", "the banned movement": a participle used as an
    /// adjective names no act.
    func isAttributive(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention]) -> Bool {
        let a = t.anchor
        guard !t.entry.nominal, a + 1 < tokens.count, tokens[a].ends(.ed) || lex.isA(tokens[a], WordClass.attributive) else { return false }
        let next = tokens[a + 1]
        // "the detained journalists", "Peru's detained fishermen", "two captured soldiers"
        let determined = a > 0 && (lex.isA(tokens[a - 1], WordClass.determiner) || tokens[a - 1].is(.possessive) || lex.isFigure(tokens[a - 1]))
        // "Chile banned arms sales": right after a party named as subject, the word is its verb.
        let bare = lex.isA(tokens[a], WordClass.attributive) && !next.isCapitalized
            && !(a > 0 && lex.isA(tokens[a - 1], WordClass.be | WordClass.auxiliary))
            && !mentions.contains { $0.end == a && !$0.isPlace }
        return next.kind == .word && !lex.isA(next, WordClass.objectStart) && (determined || bare)
    }

    /// "On 12 March Norway expelled…", "since March 2022": a month's name is no march. A month
    /// word is a date when written with a capital inside the sentence or next to a figure.
    func isDateWord(_ t: Trigger, _ tokens: [Token]) -> Bool {
        let a = t.anchor
        guard isMonth(tokens[a]) else { return false }
        return (tokens[a].isCapitalized && a > 0) || (a > 0 && tokens[a - 1].kind == .number)
            || (a + 1 < tokens.count && tokens[a + 1].kind == .number)
    }

    /// "to send the migrants back to Serbia": "back" after a verb of motion is an adverb, no support.
    func isAdverbBack(_ t: Trigger, _ tokens: [Token]) -> Bool {
        let a = t.anchor
        return !t.entry.nominal && tokens[a].is(.back)
            && (max(0, a - 3)..<a).contains { lex.lemmaIsA(tokens[$0], WordClass.particleVerb) }
    }

    /// The "and", "but" or "or" that joins a verb phrase ending at `verb` to the one before
    /// ("… and has urged"), when only auxiliaries and adverbs stand between.
    func conjunction(before verb: Int, _ tokens: [Token], _ mentions: [Mention]) -> Int? {
        var k = verb - 1
        while k >= 0, verb - k <= 4, lex.isA(tokens[k], WordClass.joinable) { k -= 1 }
        guard k > 0, k < verb - 1 || !tokens[verb].isLemma, tokens[k].is(.and) || tokens[k].is(.but) || tokens[k].is(.or),
              !mentions.contains(where: { $0.start > k && $0.start < verb }) else { return nil }
        return k
    }

    /// "Sweden said Belarus must release the journalists": who says it demands it of who must.
    func mustParties(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], _ cues: [Cue]) -> Parties? {
        guard let subject = mentions.last(where: { $0.end <= t.anchor && t.anchor - $0.end <= 4 }),
              let report = cues.last(where: { $0.kind == .report && $0.end <= subject.start }),
              let speaker = mentions.last(where: { m in m.end <= report.start && !(m.start > 0 && lex.isA(tokens[m.start - 1], WordClass.locative)) })
        else { return nil }
        return Parties(source: speaker, target: subject)
    }
}

/// What the party rules (`SentenceReader.parties`, Rules/) read of one trigger: the sentence,
/// the mentions before the action, and those after it within the object's reach.
struct PartyScope {
    let trigger: Trigger
    let tokens: [Token]
    let mentions: [Mention]
    let lex: Lexicon
    /// The mentions before the action: a prefix, as mentions never overlap and are in order of
    /// position (read in place, not copied).
    let before: ArraySlice<Mention>
    /// Where the object ends: a comma that opens a gloss (", saying Putin was aware", ", killing
    /// 20") or a relative clause ("condemned the raid in which two Peruvians died": the victims
    /// of the raid are not the ones condemned).
    let glossAt: Int
    /// The positions in `mentions` of those after the action, up to the object's reach.
    private let afterRange: Range<Int>

    init(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) {
        (trigger, self.tokens, self.mentions, self.lex) = (t, tokens, mentions, lex)
        before = mentions[..<(mentions.firstIndex { $0.end > t.anchor } ?? mentions.endIndex)]
        let glossAt = (t.end..<tokens.count).first { k in
            if lex.isA(tokens[k], WordClass.relative), k > t.end { return true }
            return tokens[k].is(.comma) && k + 1 < tokens.count
                && (tokens[k + 1].ends(.ing) || tokens[k + 1].lemmaIs(.say) || tokens[k + 1].lemmaIs(.add)
                    || tokens[k + 1].lemmaIs(.according))
        } ?? tokens.count
        let afterStart = mentions.firstIndex { $0.start >= t.anchor } ?? mentions.endIndex
        let afterEnd = mentions[afterStart...].firstIndex { $0.start >= min(t.end + 14, glossAt) } ?? mentions.endIndex
        afterRange = afterStart..<afterEnd
        self.glossAt = glossAt
    }

    /// The first mention after the action, outside the trigger's own words, that `matches` (a
    /// function, not a lazy filter, whose closure would be allocated for every trigger).
    func after(_ matches: (Mention) -> Bool = { _ in true }) -> Mention? {
        mentions[afterRange].first {
            !trigger.tokens.contains($0.start) && !$0.isEdge && !AllyOf.namesAnother($0, tokens, lex: lex) && matches($0)
        }
    }

    /// The mention is the object of a locative preposition ("in Mali"): a place, not a party.
    func isLocative(_ m: Mention) -> Bool { m.start > 0 && lex.isA(tokens[m.start - 1], WordClass.locative) }

    /// The last mention before the action that is no place phrase: who acted, or was acted on.
    var subject: Mention? { before.last { !isLocative($0) } }
}
