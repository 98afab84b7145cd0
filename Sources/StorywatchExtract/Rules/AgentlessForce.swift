import StorywatchModel

/// Phenomenon: force told in the passive with no agent ("a Chilean reporter was shot dead in
/// Quito", "ten soldiers killed in the north") still happened to the ones named before it.
///
/// The victims are its target and, as PLOVER codes force whose agent is unnamed, the country it
/// happens in its source (`SentenceReader.codeUnattributedForce`). A toll the sentence gives is
/// kept beside it: storylines follow the figures.
enum AgentlessForce {
    /// A passive of `trigger` with no agent named is still read, with its victims as target.
    static func keepsPassive(_ trigger: Trigger) -> Bool {
        trigger.entry.type == .assault && !trigger.entry.nominal
    }

    /// "was killed … in an Israeli air strike", "died when hit by a rocket attack": a noun of
    /// force later in the clause, after "in" or "by", tells the act, with its own agent: the verb
    /// `n`, read with no agent, yields to it.
    static func yieldsToNoun(_ n: Int, _ view: SentenceView, lex: Lexicon) -> Bool {
        let (tokens, t) = (view.tokens, view.triggers[n])
        guard t.entry.type == .assault, !t.entry.nominal else { return false }
        // (A later trigger may start inside this one's words: "fired back at".)
        for later in view.triggers[(n + 1)...] where later.anchor >= t.end {
            if (t.end..<later.anchor).contains(where: { lex.isA(tokens[$0], WordClass.clauseEnd) }) { return false }
            if later.entry.nominal, later.entry.type == .assault,
               (max(t.end, later.anchor - 4)..<later.anchor).contains(where: { tokens[$0].is(.in) || tokens[$0].is(.by) }) {
                return true
            }
        }
        return false
    }

    /// The candidate is such force: the sentence's toll, if any, is told as well.
    static func leavesToll(_ c: Candidate) -> Bool {
        c.event.type == .assault && c.event.source == nil && !c.trigger.entry.nominal
    }
}
