import StorywatchModel

/// Phenomenon: a gloss, a comma and a gerund after the main act ("rejected the proposal, urging
/// India to sign…", "shelled Juba, killing 20"): after a verb it comments on it, no news of its
/// own. After a noun, a gloss of another kind, or a vaguer one ("…rocket fire, killing 50"),
/// comments on it; one of the same kind says what it was ("would take measures, expelling 35
/// diplomats").
enum Gloss {
    /// Drops the acts told in a gloss after the main act `m`.
    static func drop(_ kept: inout [Int], after m: Int, _ s: SelectionScope) {
        let all = s.all
        let glosses = spans(s.tokens, after: all[m].trigger.end, s.lex)
        kept.removeAll { c in
            glosses.contains { $0.contains(all[c].trigger.anchor) }
                && !(all[m].trigger.entry.nominal && all[c].event.type == all[m].event.type && all[c].event.mode != ActionMode.other.rawValue
                    && all[c].event.mode != all[m].event.mode)
        }
    }

    /// Token ranges from ", <gerund>" to the end of its clause, after `start`.
    private static func spans(_ tokens: [Token], after start: Int, _ lex: Lexicon) -> [Range<Int>] {
        ClauseSelection.spans(tokens, from: start, lex) { i in
            guard tokens[i].is(.comma), i + 1 < tokens.count else { return false }
            let next = tokens[i + 1]
            return next.kind == .word && next.ends(.ing) && next.lower.count > 5 && !next.isCapitalized
        }
    }
}
