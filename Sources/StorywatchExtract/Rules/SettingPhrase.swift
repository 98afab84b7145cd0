import StorywatchModel

/// Phenomenon: an act named in a prepositional phrase ("in protest of their government's
/// refusal", "accused X of blackmail in the negotiations"): the setting of the main act, no act
/// of its own; a verb after the phrase governs it ("Farmers in Poland began a hunger strike").
enum SettingPhrase {
    /// Candidate `c` is named a few words past a preposition (its possessor and a cue before it
    /// belong to the phrase).
    static func isInPhrase(_ c: Int, _ s: SelectionScope) -> Bool {
        let (tokens, lex, trigger) = (s.tokens, s.lex, s.all[c].trigger)
        var start = trigger.anchor
        // "has been put under investigation" is the predicate itself.
        if start > 0, tokens[start - 1].is(.under) { return false }
        // "…the government's refusal to accept…": the phrase holds the cue before the act.
        if let cue = s.all[c].cue, cue.end < start, start - cue.end <= 1 { start = cue.start }
        if start > 0, tokens[start - 1].is(.possessive), let owner = s.mentions.first(where: { $0.end == start - 1 }) { start = owner.start }
        // "rejected on Monday a deal": a day adverbial opens no phrase around what follows it.
        guard let head = (max(0, start - 4)..<trigger.anchor).last(where: { i in
            lex.isA(tokens[i], WordClass.phrasePreposition) && !(trigger.tokens.contains(i))
                && (DayAdverbial.end(from: i, tokens, lex: lex) ?? trigger.anchor + 1) > start
        }) else { return false }
        if (head + 1..<trigger.anchor).contains(where: { lex.lemmaIsA(tokens[$0], WordClass.lightVerb) && !lex.isA(tokens[$0], WordClass.auxiliary) }) {
            return false
        }
        // "answered by expelling…": the means of an answer is the answer itself, no setting.
        if s.all[c].event.isResponse, tokens[head].is(.by), head + 1 == trigger.anchor, PassiveAgent.isMeans(at: head, tokens) { return false }
        return !(lex.isA(tokens[head], WordClass.temporal) && s.tellsFact(c))
    }
}
