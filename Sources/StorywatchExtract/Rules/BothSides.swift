import StorywatchModel

/// Phenomenon: "both sides", "the two sides", "the two countries" name the document's current
/// pair of parties, the last two that acted on each other: a mention of the first, carrying the
/// second, which the act takes as its other party.
enum BothSides {
    /// Adds a mention for each such phrase of the sentence, in order, when the document has a pair.
    static func addMentions(_ tokens: [Token], to mentions: inout [Mention], pair: (Actor, Actor)?, lex: Lexicon) {
        guard let pair else { return }
        for k in tokens.indices.dropLast() where lex.isA(tokens[k], WordClass.pairCount) && lex.isA(tokens[k + 1], WordClass.pairNoun) {
            // "both sides of the border" is a place.
            guard !mentions.contains(where: { $0.start <= k + 1 && k < $0.end }), k + 2 >= tokens.count || !tokens[k + 2].is(.of)
            else { continue }
            let mention = Mention(start: k, end: k + 2, actor: pair.0, isPerson: false, reason: .documentPair(other: pair.1))
            mentions.insert(mention, at: mentions.firstIndex { $0.start > k } ?? mentions.endIndex)
        }
    }

    /// The other party of an act whose source is such a phrase: the act is the pair's own.
    static func otherParty(of source: Mention?) -> Mention? {
        guard let source, case .documentPair(let other) = source.reason else { return nil }
        return Mention(start: source.start, end: source.end, actor: other, isPerson: false, reason: .documentPair(other: source.actor))
    }
}
