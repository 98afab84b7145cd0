import StorywatchModel

/// Phenomenon: a retort ("hit back at critics", "fired back at the claims"): words that answer
/// words, the cue of an answer being the idiom's own words. It is disapproval, no measure taken
/// in answer to an act, so no retaliation.
enum Retort {
    /// Trigger `trigger`, answered by `answering` cues, is such a retort.
    static func isRetort(_ trigger: Trigger, answering: [Cue]) -> Bool {
        trigger.entry.type == .accuse && !answering.isEmpty && answering.allSatisfy { trigger.tokens.contains($0.start) }
    }
}
