/// Phenomenon: a planned act named inside a prepositional phrase ("cast a shadow over his
/// scheduled talks", "ahead of the planned summit") refers to a plan already known: the act is
/// still to come, and the sentence announces nothing (background).
enum KnownPlan {
    /// The word of plan describing the nominal `t` after a determiner that a preposition
    /// governs; nil when the act is no such reference.
    static func plan(of t: Trigger, _ view: SentenceView, lex: Lexicon) -> Cue? {
        let (a, tokens) = (t.anchor, view.tokens)
        guard t.entry.nominal, a >= 3, let cue = view.describing.first(where: { $0.end == a }), cue.kind == .promised,
              lex.isA(tokens[a - 3], WordClass.preposition | WordClass.phrasePreposition) else { return nil }
        return cue
    }
}
