import StorywatchModel

/// Phenomenon: an act told in the passive with no agent ("would not be allowed to dock", "is
/// alleged to have been bugged by Y") is the act of the party whose report tells it ("Peru
/// said…", "the ministry said…").
enum Announcer {
    /// How far before the act a report verb governs it, by default.
    static let reach = 6

    /// The subject of the last report verb ending within `reach` words before `position`; a name
    /// inside a prepositional phrase ("at the embassy in Lima") is none.
    static func speaker(before position: Int, within reach: Int = reach, _ view: SentenceView, lex: Lexicon) -> Mention? {
        guard let report = view.cues.last(where: { $0.kind == .report && $0.end <= position && position - $0.end <= reach }) else { return nil }
        return view.mentions.last { $0.end <= report.start && !$0.isPlace && !$0.isInPhrase(view.tokens, lex: lex) }
    }
}
