/// Phenomenon: a passive's by-phrase may come late, after the verb's complement and an aside set
/// off by commas ("was charged with taking bribes, most of them paid abroad, by the prosecutors").
enum AsideAgent {
    /// How far past the trigger a late by-phrase is looked for.
    static let reach = 30

    /// The agent named right after a ", by" that follows the trigger in the same clause.
    static func agent(after t: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Mention? {
        let limit = min(tokens.count, t.end + reach)
        guard let comma = (t.end..<limit).first(where: { k in
            tokens[k].is(.comma) && k + 1 < tokens.count && tokens[k + 1].is(.by)
        }) else { return nil }
        // A full stop or semicolon ends the clause the passive is in.
        guard !(t.end..<comma).contains(where: { lex.isA(tokens[$0], WordClass.clauseStop) }) else { return nil }
        return mentions.first { $0.start > comma + 1 && $0.start <= comma + 4 && !$0.isPlace }
    }
}
