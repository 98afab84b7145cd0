/// Phenomenon: engaging a party in a fight ("engaged the rebels in a gun battle"): the one
/// engaged is the target of the fight, the subject its source.
enum Engagement {
    static func parties(_ s: PartyScope) -> SentenceReader.Parties? {
        let tokens = s.tokens
        guard let engaged = s.before.last, s.trigger.anchor - engaged.end <= 2, engaged.start > 0,
              tokens[engaged.start - 1].lemmaIs(.engage),
              let subject = s.before.last(where: { $0.end < engaged.start && !s.isLocative($0) }) else { return nil }
        return SentenceReader.Parties(source: subject, target: engaged)
    }
}
