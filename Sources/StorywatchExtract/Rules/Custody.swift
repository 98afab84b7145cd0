import StorywatchModel

/// Phenomenon: harm in someone's custody ("a trader died of torture in army custody"): the
/// holder harmed the held, even when the held is the sentence's subject.
enum Custody {
    /// The holder whose custody is named after the noun as source, the held before it as target;
    /// nil when the noun has an agent of its own before it.
    static func parties(_ s: PartyScope, source: Mention?) -> SentenceReader.Parties? {
        let (t, tokens) = (s.trigger, s.tokens)
        guard let holder = s.mentions.first(where: { $0.end < tokens.count && tokens[$0.end].is(.custody) && $0.start >= t.end }),
              source.map({ $0.end <= t.anchor }) ?? true,
              let held = s.before.first(where: { $0.end <= holder.start && $0.actor.root != holder.actor.root }) else { return nil }
        return SentenceReader.Parties(source: holder, target: held)
    }
}
