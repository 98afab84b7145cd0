/// Phenomenon: an act told as going on ("are still shelling", "continued to bomb", "kept
/// firing") began before the news: the sentence carries it on rather than reporting a new act.
enum Continuing {
    /// A cue of going on stands right before the action word.
    static func isOngoing(_ trigger: Trigger, cues: [Cue]) -> Bool {
        cues.contains { $0.kind == .ongoing && $0.end == trigger.anchor }
    }
}
