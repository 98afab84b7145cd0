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
    func parties(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], windowStart: Int) -> Parties? {
        // Mentions never overlap and are in order of position: those before the action are a
        // prefix, those after it a run (read in place, not copied).
        let before = mentions[..<(mentions.firstIndex { $0.end > t.anchor } ?? mentions.endIndex)]
        // The object ends where a comma opens a gloss (", saying Putin was aware", ", killing 20")
        // or a relative clause starts ("condemned the raid in which two Peruvians died": the
        // victims of the raid are not the ones condemned).
        let glossAt = (t.end..<tokens.count).first { k in
            if lex.isA(tokens[k], WordClass.relative), k > t.end { return true }
            return tokens[k].is(.comma) && k + 1 < tokens.count
                && (tokens[k + 1].ends(.ing) || tokens[k + 1].lemmaIs(.say) || tokens[k + 1].lemmaIs(.add)
                    || tokens[k + 1].lemmaIs(.according))
        } ?? tokens.count
        let afterStart = mentions.firstIndex { $0.start >= t.anchor } ?? mentions.endIndex
        let afterEnd = mentions[afterStart...].firstIndex { $0.start >= min(t.end + 14, glossAt) } ?? mentions.endIndex
        // The first of them outside the trigger's own words that `matches` (a function, not a
        // lazy filter, whose closure would be allocated for every trigger).
        func after(_ matches: (Mention) -> Bool = { _ in true }) -> Mention? {
            mentions[afterStart..<afterEnd].first { !t.tokens.contains($0.start) && !$0.isEdge && matches($0) }
        }
        func isLocative(_ m: Mention) -> Bool { m.start > 0 && lex.isA(tokens[m.start - 1], WordClass.locative) }
        var p = Parties()
        let participle = !tokens[t.anchor].isLemma && !tokens[t.anchor].ends(.ing) && !tokens[t.anchor].ends(.s)
        // "were expelled", "was swiftly expelled", "were shut and their owners fined".
        let beBefore = (max(0, t.anchor - 8)..<t.anchor).last { lex.isA(tokens[$0], WordClass.be) }
        let passive = participle && !t.entry.nominal && beBefore.map { b in
            b == t.anchor - 1 || (b == t.anchor - 2 && tokens[t.anchor - 1].ends(.ly))
                || (lex.isA(tokens[b], WordClass.perfectBe) && !mentions.contains { $0.start > b && $0.start < t.anchor }
                    && (b + 1..<t.anchor).contains { tokens[$0].is(.and) })
        } ?? false
        // "14 soldiers killed in the north", "diplomats expelled from Oslo": a participle
        // right after its noun and before a preposition is a passive without "be".
        let word = tokens[t.anchor] // a participle, not a simple past like "withdrew"
        let reduced = participle && !t.entry.nominal && t.anchor + 1 < tokens.count
            && (word.ends(.ed) || word.ends(.en) || word.ends(.wn))
            && mentions.contains { $0.end == t.anchor }
            && (lex.isA(tokens[t.anchor + 1], WordClass.locative) || tokens[t.anchor + 1].is(.by))
        if passive || reduced {
            if let byIndex = (t.end..<min(tokens.count, t.end + 6)).first(where: { tokens[$0].is(.by) }),
               let agent = mentions.first(where: { $0.start > byIndex && $0.start <= byIndex + 3 }) {
                p.source = agent
            }
            p.target = before.last { !isLocative($0) }
            return p.source == nil && !AgentlessForce.keepsPassive(t) ? nil : p
        }
        if t.entry.nominal, t.anchor > 0, tokens[t.anchor - 1].is(.under) {
            // "a trader was put under investigation in Peru", "came under attack by
            // rebels": the subject undergoes it; the agent follows, else the place it happens in.
            p.target = before.last { !isLocative($0) }
            p.source = after { m in
                m.start > 0 && (tokens[m.start - 1].is(.by) || isLocative(m)) && m.actor.root != p.target?.actor.root
            }
            return p
        }
        if t.entry.nominal {
            // "US expulsion", "Washington's sanctions", "Russian air strikes".
            // ("raise output in defiance of sanctions": a preposition other than "of" or "to" ends the object).
            // "announced its programme of unilateral sanctions": a container noun and "of" stretch the reach.
            let reach = (max(0, t.anchor - 5)..<t.anchor).contains { k in
                lex.isA(tokens[k], WordClass.container) && k + 1 < t.anchor && tokens[k + 1].is(.of)
            } ? 8 : 5
            let governed = (max(0, t.anchor - reach)..<t.anchor).contains { v in
                lex.lemmaIsA(tokens[v], WordClass.lightVerb)
                    && !(v + 1..<t.anchor).contains { k in
                        // ("take part in the talks" is one verb)
                        !(tokens[k].is(.of) || tokens[k].is(.to)) && lex.isA(tokens[k], WordClass.preposition) && !tokens[k - 1].is(.part)
                    }
            }
            // "attacks by Russian warplanes", "the sanctions imposed by Norway": the agent follows.
            let by = t.end < tokens.count && tokens[t.end].is(.by) ? t.end
                : t.end + 1 < tokens.count && tokens[t.end + 1].is(.by) && lex.lemmaIsA(tokens[t.end], WordClass.lightVerb) ? t.end + 1 : nil
            if let by, let agent = after({ $0.start > by && $0.start <= by + 3 }) {
                p.source = agent
                p.target = before.last { !isLocative($0) }
                return p
            } else if let adj = before.last, t.anchor - adj.end <= 2, adj.start > 0, lex.isA(tokens[adj.start - 1], WordClass.engage),
                      let subject = before.last(where: { $0.end < adj.start && !isLocative($0) }) {
                // "engaged the rebels in a gun battle": the one engaged is the target.
                p.source = subject
                p.target = adj
                return p
            } else if let adj = before.last, !adj.isPlace, t.anchor - adj.end <= 2 {
                p.source = adj
            } else if governed {
                p.source = before.last { !isLocative($0) && !$0.isPlace }
            } else if t.entry.type == .consult, (max(0, t.anchor - 3)..<t.anchor).contains(where: { tokens[$0].is(.for) }) {
                // "envoys came to Vienna for talks", "arrived in Beijing for talks": the
                // talks are the subject's (the last of joined subjects, read back below).
                var subject = before.first { !isLocative($0) && !$0.isPlace }
                while let s = subject, let next = before.first(where: { $0.start > s.end }), next.start - s.end <= 2,
                      (s.end..<next.start).allSatisfy({ tokens[$0].is(.and) || tokens[$0].is(.comma) || tokens[$0].is(.the) }) {
                    subject = next
                }
                p.source = subject
            }
            // "assistance to Ukraine in its war against Russia": help goes to someone, force against someone.
            let helps = [.aid, .support, .cooperate, .agree, .consult].contains(t.entry.type)
            func aims(_ w: Token) -> Bool {
                helps ? w.is(.to) || w.is(.with) || w.is(.for) || w.is(.on) || w.is(.of)
                    : w.is(.against) || w.is(.on) || w.is(.of) || w.is(.to) || w.is(.targeting) || w.is(.at)
            }
            p.target = after { m in
                var k = m.start - 1
                if k > 0, tokens[k].is(.the) || tokens[k].is(.a) || tokens[k].is(.an) { k -= 1 }
                return k >= 0 && aims(tokens[k])
            } ?? after { m in m.start - t.end <= 3 }
            // "killed in Chadian shelling of a Sudanese village": force used in a
            // place of another party is aimed at it.
            if p.target == nil, let source = p.source, t.entry.type == .assault {
                let sourceRoot = source.actor.root
                p.target = mentions.first { $0.start >= t.end && $0.start < glossAt && !$0.actor.hasRoot(sourceRoot) }
            }
            if let holder = mentions.first(where: { $0.end < tokens.count && tokens[$0.end].is(.custody) && $0.start >= t.end }),
               p.source.map({ $0.end <= t.anchor }) ?? true,
               let held = before.first(where: { $0.end <= holder.start && $0.actor.root != holder.actor.root }) {
                // "a trader died of torture in army custody": the holder harmed the held, even
                // when the held is the sentence's subject.
                p.source = holder
                p.target = held
                return p
            }
            if p.source == nil {
                // "a mortar strike injured three Kenyan nurses": the attacker is unnamed; the
                // target must be named right after it.
                p.target = p.target ?? after { !isLocative($0) && $0.start - t.end <= 4 }
                // "two guards were wounded by a roadside bomb": the victims are the
                // subject of the passive before it.
                if t.entry.type == .assault, let hurt = (max(0, t.anchor - 5)..<t.anchor).last(where: { lex.isA(tokens[$0], WordClass.harmed) }),
                   hurt > 0, lex.isA(tokens[hurt - 1], WordClass.be), let victims = before.last(where: { $0.end <= hurt - 1 }) {
                    p.target = victims
                }
            }
        } else {
            // A place acts for no one ("Kharkiv said…" is no act of Ukraine's).
            p.source = before.last { !isLocative($0) && !$0.isPlace }.map { appositionHead($0, t.anchor, tokens, before) }
            // "complained to the EU over Serbian border raids": the complaint is about whoever the
            // phrase after "over", "about" or "against" names, not the one it is made to.
            if [.accuse, .protest].contains(t.entry.type), let addressed = after(), addressed.start > 1,
               tokens[addressed.start - 1].is(.to) || (tokens[addressed.start - 1].is(.the) && tokens[addressed.start - 2].is(.to)),
               let about = after({ m in m.start > addressed.start
                   && (max(addressed.end, m.start - 4)..<m.start).contains { tokens[$0].is(.over) || tokens[$0].is(.about) || tokens[$0].is(.against) } }) {
                p.target = about
                return p
            }
            // Force is aimed at the place it is used in ("reinforced its troops in Mali").
            let forceful = (t.entry.type.conflictRank ?? 0) >= 2
            // Another party named as a place comes before the actor itself ("will withdraw
            // their force from Chad").
            let sourceRoot = p.source?.actor.root
            func other(_ m: Mention) -> Bool { sourceRoot.map { !m.actor.hasRoot($0) } ?? true }
            p.target = after { m in other(m) && !isLocative(m) } ?? after { m in other(m) && (forceful || m.start - t.end <= 6) } ?? after()
            // "is investigating alleged abuses by border guards": the accused are the agents
            // of what is held against them.
            if t.entry.type == .accuse, let by = (t.end..<min(tokens.count, t.end + 5)).first(where: { tokens[$0].is(.by) }),
               let agent = after({ $0.start > by && $0.start <= by + 3 }) {
                p.target = agent
            }
        }
        // "The US, Russia and Switzerland met": the first of joined subjects leads; a joint act
        // ("Kyrgyzstan and Tajikistan agreed a ceasefire") has the next one as partner.
        // (Most parties stand alone: found so without building a list.)
        if let source = p.source, conjunct(before: source, tokens, mentions) != nil {
            let joined = conjuncts(ending: source, tokens, mentions)
            if joined.count > 1 {
                p.source = joined[0]
                if CoordinatedSubjects.isJoint(t.entry), joined[1].actor.root != joined[0].actor.root,
                   p.target == nil || p.target?.actor.root == joined[0].actor.root || !t.entry.nominal {
                    p.target = joined[1]
                    if joined.count > 2 { p.joint = joined }
                } else if CoordinatedSubjects.isEachSubjects(t.entry) {
                    p.coSubjects = CoordinatedSubjects.others(joined, target: p.target, tokens, lex: lex)
                }
            }
        }
        return p
    }

    /// The mentions joined with `last` by "and" or commas ("A, B, and C"), in order.
    func conjuncts(ending last: Mention, _ tokens: [Token], _ mentions: [Mention]) -> [Mention] {
        var list = [last]
        while let first = list.first, let previous = conjunct(before: first, tokens, mentions) {
            list.insert(previous, at: 0)
        }
        return list
    }

    /// The mention joined before `first` by "and" or a comma, if any.
    func conjunct(before first: Mention, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        var k = first.start - 1
        if k >= 1, tokens[k].is(.the) { k -= 1 } // "Brazil and the United States"
        guard k >= 1, tokens[k].is(.and) || tokens[k].is(.comma) else { return nil }
        if tokens[k].is(.and), tokens[k - 1].is(.comma) { k -= 1 }
        guard let previous = mentions.last(where: { $0.end == k }), !previous.isPerson || first.isPerson else { return nil }
        // "In Lima, Chile expelled…": a place phrase before a comma is the scene, not a party.
        if tokens[k].is(.comma), previous.start > 0, lex.isA(tokens[previous.start - 1], WordClass.placePreposition) { return nil }
        return previous
    }

    /// "the Emergency Relief Coordinator", "the Peace Implementation Council": a capitalised
    /// noun inside a name is no action.
    func isNameWord(_ t: Trigger, _ tokens: [Token]) -> Bool {
        let a = t.anchor
        return t.entry.nominal && a > 0 && tokens[a].isCapitalized
            && (tokens[a - 1].isCapitalized || (a + 1 < tokens.count && tokens[a + 1].isCapitalized))
    }

    /// "his alleged role", "alleged abuses", "the banned movement": a participle used as an
    /// adjective names no act.
    func isAttributive(_ t: Trigger, _ tokens: [Token]) -> Bool {
        let a = t.anchor
        guard !t.entry.nominal, a + 1 < tokens.count, tokens[a].ends(.ed) || lex.isA(tokens[a], WordClass.attributive) else { return false }
        let next = tokens[a + 1]
        let determined = a > 0 && lex.isA(tokens[a - 1], WordClass.determiner) // "the detained journalists"
        let bare = lex.isA(tokens[a], WordClass.attributive) && !next.isCapitalized
            && !(a > 0 && lex.isA(tokens[a - 1], WordClass.be | WordClass.auxiliary))
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

    /// "Finland, a close partner of Sweden, has refused": the subject is the head
    /// before the apposition, not the last name inside it.
    func appositionHead(_ m: Mention, _ verb: Int, _ tokens: [Token], _ before: ArraySlice<Mention>) -> Mention {
        guard let close = (m.end..<verb).first(where: { tokens[$0].is(.comma) }),
              !before.contains(where: { $0.start > close && !(lex.isA(tokens[$0.start - 1], WordClass.locative)) }),
              let open = (max(0, m.start - 12)..<m.start).last(where: { tokens[$0].is(.comma) }),
              let last = before.last(where: { $0.end == open }) else { return m }
        // "The EU envoy in Mali, Anna Berg, held": the head is before the place.
        let isPlace = { (x: Mention) in x.start > 0 && lex.isA(tokens[x.start - 1], WordClass.locative) }
        return isPlace(last) ? before.last(where: { $0.end <= last.start && last.start - $0.end <= 2 && !isPlace($0) }) ?? last : last
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
