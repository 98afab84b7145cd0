/// Phenomenon: in "pressed for X to act" (or "for X act"), X is the subject of the clause that
/// "for" opens: the one asked to act, as the object of "urged X to"; unlike "pressed for a
/// decision by X", where X only names who would decide.
enum ForClauseSubject {
    /// How many words may stand between "to" and the act ("for Chile to lift its tariffs").
    static let reach = 4

    /// The party named right after the governing cue's "for" whose act follows at once, by "to"
    /// or by the act's own verb.
    static func asked(governor: Trigger, act: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Mention? {
        let forAt = governor.end - 1
        guard tokens[forAt].is(.for), let asked = mentions.party(after: forAt, tokens),
              asked.end < tokens.count else { return nil }
        let infinitive = tokens[asked.end].is(.to) && act.anchor > asked.end && act.anchor <= asked.end + reach
            && !(asked.end..<act.anchor).contains { lex.isA(tokens[$0], WordClass.clauseEnd) }
        // "for Chile support its plan": a word read as a noun but followed by a determiner is the verb.
        let next = act.end < tokens.count ? tokens[act.end] : nil
        let bareVerb = act.anchor == asked.end && (!act.entry.nominal || next.map { lex.isA($0, WordClass.determiner) } ?? false)
        return infinitive || bareVerb ? asked : nil
    }
}
