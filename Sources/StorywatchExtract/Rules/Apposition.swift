/// Phenomenon: an apposition after the subject ("Finland, a close partner of Sweden, has
/// refused"): the subject is the head before it, not the last name inside it.
enum Apposition {
    /// The head of the apposition `m` closes before the verb, else `m`.
    static func head(of m: Mention, _ s: PartyScope) -> Mention {
        let (tokens, before, verb) = (s.tokens, s.before, s.trigger.anchor)
        guard let close = (m.end..<verb).first(where: { tokens[$0].is(.comma) }),
              !before.contains(where: { $0.start > close && !s.isLocative($0) }),
              let open = (max(0, m.start - 12)..<m.start).last(where: { tokens[$0].is(.comma) }),
              let last = before.last(where: { $0.end == open }) else { return m }
        // "The EU envoy in Mali, Anna Berg, held": the head is before the place.
        guard s.isLocative(last) else { return last }
        return before.last(where: { $0.end <= last.start && last.start - $0.end <= 2 && !s.isLocative($0) }) ?? last
    }
}
