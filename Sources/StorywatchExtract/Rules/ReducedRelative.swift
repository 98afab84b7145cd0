/// Phenomenon: a reduced relative clause ("the mayor, a party member jailed last year",
/// "migrants ordered out of Poland"): a participle after a noun and before a preposition
/// describes the noun; it tells no act of the sentence's.
enum ReducedRelative {
    /// Drops the reduced relatives after the sentence's first verb that is none.
    static func dropAfterFirstVerb(_ kept: inout [Int], _ s: SelectionScope) {
        guard let first = kept.first(where: { !s.all[$0].trigger.entry.nominal && !isReducedRelative($0, s) }) else { return }
        kept.removeAll { s.all[$0].trigger.anchor > s.all[first].trigger.anchor && isReducedRelative($0, s) }
    }

    /// "still shelling the bridge seized by rebels on 3 May", "broke the truce which was signed
    /// in June": a date after a relative clause's opener dates that clause's act, not the one told before it.
    static func holdsDate(after anchor: Int, dateAt: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        (anchor + 1..<dateAt).contains { k in opens(at: k, tokens, lex: lex) || lex.isA(tokens[k], WordClass.relative) }
    }

    private static func isReducedRelative(_ c: Int, _ s: SelectionScope) -> Bool {
        let t = s.all[c].trigger
        return !t.entry.nominal && opens(at: t.anchor, s.tokens, lex: s.lex) && !isParticle(t.anchor + 1, of: t)
    }

    /// Token `k` is a particle of the trigger's own phrase ("caved in", "gave in to"): no
    /// preposition opening a phrase after a participle.
    static func isParticle(_ k: Int, of t: Trigger) -> Bool {
        t.end > k && t.tokens.contains(k)
    }

    /// A participle after a noun and before a preposition opens a reduced relative at `a`.
    private static func opens(at a: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        guard a > 0, a + 1 < tokens.count, tokens[a].ends(.ed), !tokens[a].isLemma,
              tokens[a - 1].kind == .word, !lex.isA(tokens[a - 1], WordClass.nonNoun), !tokens[a - 1].ends(.ly) else { return false }
        return lex.isA(tokens[a + 1], WordClass.phrasePreposition) || tokens[a + 1].is(.out)
    }
}
