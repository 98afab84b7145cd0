/// Phenomenon: a place phrase nests through "of" ("in a poor district of northern Lima", "at the
/// edge of the capital"): the locative before the outer noun places the name inside it.
enum NestedPlace {
    /// The locative preposition that places a name starting at `start`: within four words before
    /// it, or before the noun an "of" there follows.
    static func locative(before start: Int, _ tokens: [Token], lex: Lexicon) -> Int? {
        var end = start
        for _ in 0..<2 {
            guard let at = (max(0, end - 4)..<end).last(where: { lex.isA(tokens[$0], WordClass.locative) || tokens[$0].is(.of) })
            else { return nil }
            if !tokens[at].is(.of) { return at }
            end = at
        }
        return nil
    }
}
