import StorywatchModel

/// Phenomenon: the passive ("were expelled by Norway", "was swiftly expelled", and without "be",
/// "14 soldiers killed in the north"): the subject is acted on; the agent follows "by".
enum PassiveAgent {
    /// The trigger is a participle after "be", or right after its noun and before a preposition.
    static func isPassive(_ s: PartyScope) -> Bool {
        let (t, tokens, lex) = (s.trigger, s.tokens, s.lex)
        let word = tokens[t.anchor] // a participle, not a simple past like "withdrew"
        let participle = !word.isLemma && !word.ends(.ing) && !word.ends(.s)
        guard participle, !t.entry.nominal else { return false }
        // "were expelled", "was swiftly expelled", "were shut and their owners fined".
        let beBefore = (max(0, t.anchor - 8)..<t.anchor).last { lex.isA(tokens[$0], WordClass.be) }
        let passive = beBefore.map { b in
            b == t.anchor - 1 || (b == t.anchor - 2 && tokens[t.anchor - 1].ends(.ly))
                || (lex.isA(tokens[b], WordClass.perfectBe) && !s.mentions.contains { $0.start > b && $0.start < t.anchor }
                    && (b + 1..<t.anchor).contains { tokens[$0].is(.and) })
        } ?? false
        // "14 soldiers killed in the north", "diplomats expelled from Oslo": reduced. A protest,
        // or a verb of the no-passive class, is done by the party before it ("Peruvians marched
        // in Lima", "envoys negotiated in Oslo"); so is a verb whose particle the phrase names
        // ("Chile caved in", `ReducedRelative.isParticle`).
        let reduced = t.anchor + 1 < tokens.count && t.entry.type != .protest && !lex.lemmaIsA(word, WordClass.noPassive)
            && !ReducedRelative.isParticle(t.anchor + 1, of: t)
            && (word.ends(.ed) || word.ends(.en) || word.ends(.wn))
            && s.mentions.contains { m in
                endsNounPhrase(m, before: t.anchor, tokens, lex: lex)
                    && (lex.isA(tokens[t.anchor + 1], WordClass.locative) || (tokens[t.anchor + 1].is(.by) && !isMeans(at: t.anchor + 1, tokens))
                        || (startsDate(at: t.anchor + 1, tokens, lex: lex) && isObject(m, tokens, lex: lex)))
            }
        return passive || reduced
    }

    /// "holds the Bolivian sailors seized on Friday": the noun phrase follows a verb or a
    /// preposition, so a participle after it and a date describes it; at the head of a clause
    /// the word is its subject's verb ("Admiral Salas resigned on Monday").
    private static func isObject(_ m: Mention, _ tokens: [Token], lex: Lexicon) -> Bool {
        guard let k = m.wordBefore(tokens, lex: lex) else { return false }
        return tokens[k].kind == .word && !lex.isA(tokens[k], WordClass.nonNoun)
    }

    /// The mention ends the noun phrase before `a`, or is its modifier ("Chilean sailors",
    /// "Chilean fishing boats"): up to two lower-case words that are no verbs' companions follow it.
    private static func endsNounPhrase(_ m: Mention, before a: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        guard m.end <= a, a - m.end <= 2, !m.isPlace else { return false }
        return (m.end..<a).allSatisfy { k in
            tokens[k].kind == .word && !tokens[k].isCapitalized && !lex.isA(tokens[k], WordClass.nonNoun | WordClass.preposition)
                && !tokens[k].ends(.ly) && !tokens[k].ends(.ed)
        }
    }

    /// "seized on Friday", "detained last week": a date follows the participle, and no object
    /// after it ("approved last week an agreement" is active).
    private static func startsDate(at k: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        guard let end = DateFinder.phraseEnd(at: k, tokens, lex: lex) else { return false }
        return end >= tokens.count || !lex.isA(tokens[end], WordClass.objectStart | WordClass.determiner) || tokens[end].is(.comma)
    }

    /// "retaliated by expelling…": a "by" before a gerund names the means, not an agent.
    static func isMeans(at by: Int, _ tokens: [Token]) -> Bool {
        by + 1 < tokens.count && tokens[by + 1].ends(.ing) && !tokens[by + 1].isCapitalized
    }

    /// Where the "by" of a passive's agent stands: within six words after the trigger.
    static func byPhrase(after t: Trigger, _ tokens: [Token]) -> Int? {
        (t.end..<min(tokens.count, t.end + 6)).first { tokens[$0].is(.by) }
    }

    /// The agent after "by" acts on the subject; with no agent named the passive tells no act
    /// of a party (nil), except force done to someone (`AgentlessForce`).
    static func parties(_ s: PartyScope) -> SentenceReader.Parties? {
        let t = s.trigger
        let near = byPhrase(after: t, s.tokens).flatMap { byIndex in
            s.mentions.first(where: { $0.start > byIndex && $0.start <= byIndex + 3 })
        }
        guard let agent = near ?? AsideAgent.agent(after: t, s.tokens, s.mentions, lex: s.lex) else {
            return AgentlessForce.keepsPassive(t) ? SentenceReader.Parties(source: nil, target: s.subject) : nil
        }
        return SentenceReader.Parties(source: agent, target: s.subject)
    }
}
