import StorywatchModel

/// Phenomenon: force with its attacker unnamed ("a mortar strike injured three Kenyan nurses",
/// "two guards were wounded by a roadside bomb"): only the victims are named.
enum UnnamedAttacker {
    /// The victims: the party named right after the noun, or the subject of a passive of harm
    /// before it; `named`, the target the noun's other rules found, if any.
    static func target(_ s: PartyScope, named: Mention?) -> Mention? {
        let (t, tokens, lex) = (s.trigger, s.tokens, s.lex)
        if t.entry.type == .assault, let hurt = (max(0, t.anchor - 5)..<t.anchor).last(where: { lex.isA(tokens[$0], WordClass.harmed) }),
           hurt > 0, lex.isA(tokens[hurt - 1], WordClass.be), let victims = s.before.last(where: { $0.end <= hurt - 1 }) {
            return victims
        }
        return named ?? s.after { !s.isLocative($0) && $0.start - t.end <= 4 }
    }
}
