import StorywatchModel

/// Phenomenon: a deal told with its two parties after it ("rejected the pact reached between
/// Chile and Peru") is their agreement, made: the verb that speaks of it is a stance of its own
/// subject on that deal, neither the parties' act nor its topic only.
enum NamedDeal {
    static func isNamedDeal(_ c: Candidate, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Bool {
        c.trigger.entry.nominal && c.trigger.entry.type == .agree
            && BetweenParties.parties(of: c.trigger, tokens, mentions, lex: lex) != nil
    }
}
