/// Phenomenon: "X's ally", "an X ally", "X's closest ally" name another party, one allied to X:
/// an act on the ally is not aimed at X.
enum AllyOf {
    /// Words of the ally's phrase that may stand before its noun ("closest regional").
    static let modifiers = 2

    /// The mention is followed, past a possessive and a modifier or two, by a noun of an ally.
    static func namesAnother(_ m: Mention, _ tokens: [Token], lex: Lexicon) -> Bool {
        var k = m.end
        if k < tokens.count, tokens[k].is(.possessive) { k += 1 }
        let last = min(tokens.count, k + modifiers + 1)
        // "Chile's army and allies": a conjunction joins another party, not a modifier.
        guard let noun = (k..<last).first(where: { lex.isA(tokens[$0], WordClass.allyNoun) }) else { return false }
        return !(k..<noun).contains { w in
            tokens[w].kind != .word || tokens[w].isCapitalized || tokens[w].is(.and) || tokens[w].is(.or)
        }
    }
}
