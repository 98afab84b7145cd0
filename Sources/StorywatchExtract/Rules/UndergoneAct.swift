import StorywatchModel

/// Phenomenon: an act undergone ("a trader was put under investigation in Peru", "came under
/// attack by rebels"): an action noun after the preposition under is undergone by the subject;
/// the agent follows "by", else it is the place it happens in.
enum UndergoneAct {
    /// The parties when the trigger is such a noun; nil otherwise.
    static func parties(_ s: PartyScope) -> SentenceReader.Parties? {
        let (t, tokens) = (s.trigger, s.tokens)
        guard t.entry.nominal, t.anchor > 0, tokens[t.anchor - 1].is(.under) else { return nil }
        var p = SentenceReader.Parties()
        p.target = s.subject
        p.source = s.after { m in
            m.start > 0 && (tokens[m.start - 1].is(.by) || s.isLocative(m)) && m.actor.root != p.target?.actor.root
        }
        return p
    }
}
