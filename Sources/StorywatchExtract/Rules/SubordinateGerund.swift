/// Phenomenon: a gerund opened by a temporal subordinator ("exchanged fire with rebels before
/// pulling back", "after crossing the river") has no subject of its own: it is the main
/// clause's subject, not the party named last before it.
enum SubordinateGerund {
    static func subject(_ s: PartyScope) -> Mention? {
        let a = s.trigger.anchor
        // ("as well as expelling…" joins a second act to the first, with its own reading.)
        guard a > 0, s.tokens[a].ends(.ing), s.lex.isA(s.tokens[a - 1], WordClass.temporal), !s.tokens[a - 1].is(.as) else { return nil }
        return s.before.first { !$0.isPlace && !$0.isInPhrase(s.tokens, lex: s.lex) }
    }
}
