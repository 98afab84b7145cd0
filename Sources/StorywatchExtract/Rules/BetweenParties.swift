import StorywatchModel

/// Phenomenon: a deal or talks "between X and Y" name their two parties after the preposition,
/// whoever the clause's subject is ("farmers criticised the pact reached between Chile and
/// Peru": Chile and Peru agreed, the farmers did not).
enum BetweenParties {
    /// The two parties named after a `between` that ends the trigger's phrase or follows it.
    /// ("the accord signed between…": a light verb's participle may stand before it.)
    static func parties(of trigger: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> (Mention, Mention)? {
        guard let named = named(of: trigger, tokens, mentions, lex: lex), let second = named.second else { return nil }
        return (named.first, second)
    }

    /// "fighting between Chilean troops and ethnic militias": of the two sides only the first is
    /// a known party; it is the act's source, and the party of no phrase of place.
    static func loneParty(of trigger: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Mention? {
        guard let named = named(of: trigger, tokens, mentions, lex: lex), named.second == nil, named.joined else { return nil }
        return named.first
    }

    /// The first party after the `between`, the second after its "and" if a party stands there,
    /// and whether an "and" follows the first.
    private static func named(of trigger: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon)
        -> (first: Mention, second: Mention?, joined: Bool)? {
        // ("the truce was agreed between…": so may the auxiliaries of a passive before it.)
        var verb = trigger.end
        while verb < tokens.count, verb - trigger.end < 3, lex.isA(tokens[verb], WordClass.auxiliary) || lex.isA(tokens[verb], WordClass.perfectBe) {
            verb += 1
        }
        let participle = verb < tokens.count && lex.lemmaIsA(tokens[verb], WordClass.lightVerb)
        // "a mediation effort on Saturday between…": a day named in between is passed over.
        let pastDay = DayAdverbial.end(from: trigger.end, tokens, lex: lex)
        guard let at = [trigger.end - 1, trigger.end, participle ? verb + 1 : -1, pastDay ?? -1]
                .first(where: { $0 >= 0 && $0 < tokens.count && tokens[$0].is(.between) }),
              let first = mentions.party(after: at, tokens) else { return nil }
        // "the Palestinian Authority (PA) and Israel": an abbreviation in brackets is passed over.
        var next = first.end
        if next < tokens.count, tokens[next].text == "(",
           let close = (next + 1..<min(tokens.count, next + 5)).first(where: { tokens[$0].text == ")" }) {
            next = close + 1
        }
        guard next < tokens.count, tokens[next].is(.and) else { return (first, nil, false) }
        guard let second = mentions.party(after: next, tokens) else { return (first, nil, true) }
        return second.actor != first.actor ? (first, second, true) : nil
    }
}
