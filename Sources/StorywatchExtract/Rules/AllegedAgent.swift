import StorywatchModel

/// Phenomenon: an allegation told in the passive over an inner passive ("the base is alleged to
/// have been bugged by Iranian agents", "the ship was accused of having been seized by X"): the
/// by-phrase names the inner act's agent, who is the one accused; who alleges it is the party
/// whose report tells it (`Announcer`).
enum AllegedAgent {
    /// Words from the allegation to the inner participle ("to have been", "of having been").
    static let innerReach = 4

    /// The announcer as source and the inner agent as target; nil when the trigger is no such allegation.
    static func parties(_ t: Trigger, _ view: SentenceView, lex: Lexicon) -> SentenceReader.Parties? {
        let tokens = view.tokens
        guard t.entry.type == .accuse, !t.entry.nominal, t.anchor > 0, lex.isA(tokens[t.anchor - 1], WordClass.be),
              let inner = (t.end..<min(tokens.count, t.end + innerReach)).first(where: { k in
                  tokens[k].ends(.ed) && k > 0 && lex.isA(tokens[k - 1], WordClass.be)
              }),
              inner + 1 < tokens.count, tokens[inner + 1].is(.by),
              let accused = view.mentions.party(after: inner + 1, tokens)
        else { return nil }
        // (A report governs the whole clause it introduces: "X said the embassy, which is alleged…".)
        return SentenceReader.Parties(source: Announcer.speaker(before: t.anchor, within: tokens.count, view, lex: lex), target: accused)
    }
}
