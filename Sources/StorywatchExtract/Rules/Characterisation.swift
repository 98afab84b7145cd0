/// Phenomenon: an act characterised ("described the detention as a tit-for-tat act", "branded
/// the raid a reprisal"): the describing verb's subject is a speaker, not the agent of the act it
/// describes, and a cue of answer inside the characterisation qualifies that act alone, never an
/// act told after it ("… and summoned the ambassador").
enum Characterisation {
    /// How many words may stand between the describing verb and the cue it holds.
    static let reach = 12

    /// Drops a source named before the describing verb whose object is the trigger.
    static func dropDescriber(_ trigger: Trigger, _ view: SentenceView, _ roles: inout SentenceReader.Parties) {
        CausedAct.dropSubject(of: .described, trigger, view, &roles)
    }

    /// The sentence's subject characterises an act between itself and the "and" at `at`
    /// ("Malawi described the arrest as … and summoned…"): the verb after that "and" is the
    /// subject's too, not the act described's.
    static func describes(before at: Int, after subject: Mention, _ view: SentenceView) -> Bool {
        view.cues.contains { $0.kind == .described && $0.start >= subject.end && $0.end <= at }
    }

    /// Cue `cue` may mark trigger `n` as an answer: unless it stands in a characterisation of
    /// another act.
    static func lets(_ cue: Cue, answer n: Int, _ view: SentenceView) -> Bool {
        guard let verb = view.cues.last(where: { $0.kind == .described && $0.end <= cue.start }), cue.start - verb.end <= reach,
              !(verb.end..<cue.start).contains(where: { view.tokens[$0].is(.comma) || view.tokens[$0].is(.semicolon) })
        else { return true }
        let anchor = view.triggers[n].anchor
        return anchor >= verb.end && anchor < cue.start
    }
}
