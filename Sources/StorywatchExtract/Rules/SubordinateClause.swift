/// Phenomenon: background clauses and phrases, from a subordinating word to the end of its
/// clause ("if Norway imposes sanctions", "…, who are deployed to oversee a ceasefire", "a
/// faction that controls…", "In a note sent to Poland, Lithuania said…"): their acts are
/// context, no news; a verb in a temporal clause ("after the Council imposed sanctions") still
/// reports a fact.
enum SubordinateClause {
    /// Token ranges of the sentence's background clauses and phrases. A relative pronoun opens
    /// one ("a faction that controls…") unless a cue or verb of the candidates is within three
    /// words before it ("demanded Tuesday that…" opens what was demanded).
    static func spans(_ all: [Candidate], _ tokens: [Token], cues: [Cue], _ lex: Lexicon) -> [Range<Int>] {
        // Per token, on the stack: a cue's or a verb's word (a flag a token: cheaper than a set of positions).
        withScratch(count: tokens.count, initial: false) { verbs in
            for cue in cues { for k in cue.start..<cue.end { verbs[k] = true } }
            for c in all.indices where !all[c].trigger.entry.nominal { for k in all[c].trigger.tokens { verbs[k] = true } }
            return spans(tokens, lex) { i in !(max(0, i - 3)..<i).contains { verbs[$0] } }
        }
    }

    /// Candidate `c` is told in a background clause (in a temporal one, only if it tells no fact).
    static func isBackground(_ c: Int, _ s: SelectionScope) -> Bool {
        s.background.contains { span in
            span.contains(s.all[c].trigger.anchor) && !(s.lex.isA(s.tokens[span.lowerBound], WordClass.temporal) && s.tellsFact(c)
                && !TimeReference.onlyDates(opener: span.lowerBound, s.tokens, lex: s.lex))
        }
    }

    /// "Thai guns shelled the posts after shells from Myanmar killed two villagers": a fact told
    /// in a clause opened by after or following happened before the act it is told with.
    static func toldBefore(_ c: Int, _ s: SelectionScope) -> Bool {
        s.background.contains { span in
            span.contains(s.all[c].trigger.anchor) && (s.tokens[span.lowerBound].is(.after) || s.tokens[span.lowerBound].is(.following))
        }
    }

    /// The candidates with the facts told before come first, each group in its order.
    static func earlierFirst(_ candidates: [Candidate], earlier: [Bool]) -> [Candidate] {
        guard earlier.contains(true), earlier.contains(false) else { return candidates }
        return candidates.indices.filter { earlier[$0] }.map { candidates[$0] } + candidates.indices.filter { !earlier[$0] }.map { candidates[$0] }
    }

    private static func spans(_ tokens: [Token], _ lex: Lexicon, relativeThat: (Int) -> Bool) -> [Range<Int>] {
        // "About 40 drivers blocked roads…": a phrase that opens the sentence and runs to its
        // end is the sentence itself.
        ClauseSelection.spans(tokens, from: 0, lex) { i in
            // "In a note sent to Poland, Lithuania said…": an opening phrase sets the scene.
            (i == 0 && lex.isA(tokens[0], WordClass.phrasePreposition) && !lex.isA(tokens[0], WordClass.temporal))
                || isSubordinator(tokens, i, lex) || (tokens[i].is(.that) && i > 0 && tokens[i - 1].kind == .word && relativeThat(i))
        }.filter { $0.lowerBound > 0 || $0.upperBound < tokens.count - 1 }
    }

    private static func isSubordinator(_ tokens: [Token], _ i: Int, _ lex: Lexicon) -> Bool {
        if tokens[i].is(.as) {
            // "as the fighting spread", "as he took office"; not "as well as", "such as",
            // "as part of", "as a result".
            return i > 0 && !lex.isA(tokens[i - 1], WordClass.asAdverbPrevious)
                && !(i + 1 < tokens.count && lex.isA(tokens[i + 1], WordClass.asAdverbNext))
        }
        if tokens[i].is(.in), i + 3 < tokens.count, tokens[i + 1].is(.the), tokens[i + 2].is(.wake), tokens[i + 3].is(.of) {
            return true
        }
        // "in protest of the government's refusal…": the reason for the act.
        if tokens[i].is(.in), i + 2 < tokens.count, tokens[i + 1].is(.protest),
           tokens[i + 2].is(.of) || tokens[i + 2].is(.at) || tokens[i + 2].is(.against) || tokens[i + 2].is(.over) {
            return true
        }
        return lex.isA(tokens[i], WordClass.subordinator)
    }
}
