import StorywatchModel

/// Phenomenon: rejecting or accepting a proposal is aimed at whoever made it, named in the
/// object's own phrase ("turned down a fresh offer from Chile", "rejected a Peruvian peace
/// plan", "accepted a formula for ending its dispute with Bolivia").
enum ProposalAuthor {
    /// The first party named in the object phrase of a rejection or acceptance with no target,
    /// up to eight words on and before any comma.
    static func author(of trigger: Trigger, source: Mention?, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        guard trigger.entry.type == .reject || trigger.entry.type == .agree else { return nil }
        let reach = min(tokens.count, trigger.end + 8)
        let stop = (trigger.end..<reach).first { tokens[$0].is(.comma) } ?? reach
        return mentions.first { m in
            m.start >= trigger.end && m.start < stop && !m.isPlace && m.actor.root != source?.actor.root
        }
    }
}
