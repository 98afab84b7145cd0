import StorywatchModel

/// Phenomenon: force whose victims a relative clause tells ("a bombing in which five soldiers
/// were killed", "launched a raid, in which two traders died"): those harmed are its target,
/// never its agent.
enum RelativeVictims {
    /// How far past "in which" the harm word may stand.
    static let reach = 8

    /// The party harmed in the relative clause right after the force `s.trigger`.
    static func victims(_ s: PartyScope) -> Mention? {
        let (t, tokens, lex) = (s.trigger, s.tokens, s.lex)
        guard t.entry.type == .assault else { return nil }
        var k = t.end
        if k < tokens.count, tokens[k].is(.comma) { k += 1 }
        guard k + 1 < tokens.count, tokens[k].is(.in), lex.isA(tokens[k + 1], WordClass.relative),
              let harm = (k + 2..<min(tokens.count, k + 2 + reach)).first(where: { lex.isA(tokens[$0], WordClass.harmed) })
        else { return nil }
        return s.mentions.first { $0.start > k + 1 && $0.end <= harm && !$0.isPlace }
    }
}
