import StorywatchModel

/// Phenomenon: a measure approved or adopted ("the senate approved sanctions on Peru") is the
/// measure taken; the approving verb is its light verb, no agreement with the measure's target.
enum ApprovedMeasure {
    static func drop(_ kept: inout [Int], _ s: SelectionScope) {
        let (all, tokens) = (s.all, s.tokens)
        kept = kept.filter { d in
            let verb = all[d].trigger
            guard all[d].event.type == .agree, !verb.entry.nominal, s.lex.lemmaIsA(tokens[verb.anchor], WordClass.lightVerb) else { return true }
            return !kept.contains { c in
                let noun = all[c].trigger
                return noun.entry.nominal && all[c].event.type != .agree && noun.anchor >= verb.end && noun.anchor - verb.end <= 3
                    && !(verb.end..<noun.anchor).contains { tokens[$0].is(.comma) }
            }
        }
    }
}
