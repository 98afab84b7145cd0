import StorywatchModel

/// Phenomenon: "in the wake of" tells a time, and frames an answer only when what it follows is
/// a hostile act ("shelled the posts in the wake of the border killings"); aid sent in the wake
/// of a flood answers no one.
enum Aftermath {
    /// The cue is that phrase with no hostile act named within six words after it.
    static func answersNothing(_ cue: Cue, _ tokens: [Token], _ triggers: [Trigger]) -> Bool {
        guard (cue.start..<cue.end).contains(where: { tokens[$0].is(.wake) }) else { return false }
        return !triggers.contains { $0.anchor >= cue.end && $0.anchor < cue.end + 6 && ($0.entry.type.conflictRank ?? 0) >= 1 }
    }
}
