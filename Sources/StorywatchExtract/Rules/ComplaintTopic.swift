import StorywatchModel

/// Phenomenon: the topic of a complaint or accusation made to someone ("complained to the EU
/// over Serbian border raids"): it is about whoever the phrase after "over", "about" or
/// "against" names, not the one it is made to.
enum ComplaintTopic {
    static func target(_ s: PartyScope) -> Mention? {
        let tokens = s.tokens
        guard [.accuse, .protest].contains(s.trigger.entry.type), let addressed = s.after(), addressed.start > 1,
              tokens[addressed.start - 1].is(.to) || (tokens[addressed.start - 1].is(.the) && tokens[addressed.start - 2].is(.to))
        else { return nil }
        return s.after { m in
            m.start > addressed.start
                && (max(addressed.end, m.start - 4)..<m.start).contains { tokens[$0].is(.over) || tokens[$0].is(.about) || tokens[$0].is(.against) }
        }
    }
}
