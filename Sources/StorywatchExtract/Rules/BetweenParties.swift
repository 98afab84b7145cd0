import StorywatchModel

/// Phenomenon: a deal or talks "between X and Y" name their two parties after the preposition,
/// whoever the clause's subject is ("farmers criticised the pact reached between Chile and
/// Peru": Chile and Peru agreed, the farmers did not).
enum BetweenParties {
    /// The two parties named after a `between` that ends the trigger's phrase or follows it.
    /// ("the accord signed between…": a light verb's participle may stand before it.)
    static func parties(of trigger: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> (Mention, Mention)? {
        let participle = trigger.end < tokens.count && lex.lemmaIsA(tokens[trigger.end], WordClass.lightVerb)
        guard let at = [trigger.end - 1, trigger.end, participle ? trigger.end + 1 : -1]
                .first(where: { $0 >= 0 && $0 < tokens.count && tokens[$0].is(.between) }),
              let first = mention(after: at, tokens, mentions) else { return nil }
        // "the Palestinian Authority (PA) and Israel": an abbreviation in brackets is passed over.
        var next = first.end
        if next < tokens.count, tokens[next].text == "(",
           let close = tokens[next...].firstIndex(where: { $0.text == ")" }), close - next <= 4 {
            next = close + 1
        }
        guard next < tokens.count, tokens[next].is(.and), let second = mention(after: next, tokens, mentions),
              second.actor != first.actor else { return nil }
        return (first, second)
    }

    /// The mention right after token `k`, "the" passed over.
    private static func mention(after k: Int, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        let start = k + 1 < tokens.count && tokens[k + 1].is(.the) ? k + 2 : k + 1
        return mentions.first { $0.start == start && !$0.isPlace }
    }
}
