import StorywatchModel

/// Phenomenon: whoever claims responsibility for an attack carried it out ("Hamas claimed
/// responsibility for the bombing"; "responsibility for the raid was claimed by ETA").
enum ClaimedResponsibility {
    /// The claimant of an act of force with no agent named: the party before the claim, or the
    /// one after its "by" when it is told in the passive.
    static func claimant(of trigger: Trigger, cues: [Cue], _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        guard trigger.entry.type == .assault, let claim = cues.first(where: { $0.kind == .claim }) else { return nil }
        if let by = (claim.end..<min(tokens.count, claim.end + 2)).first(where: { tokens[$0].is(.by) }) {
            return mentions.party(after: by, tokens)
        }
        return mentions.last { $0.end <= claim.start && claim.start - $0.end <= 4 && !$0.isPlace }
    }
}
