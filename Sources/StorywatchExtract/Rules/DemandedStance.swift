/// Phenomenon: a stance in a clause a demand governs is asked for, not taken ("Chile demanded
/// that Peru scrap its levy": Peru has scrapped nothing).
enum DemandedStance {
    /// How many words a demand may stand before the stance it governs.
    static let reach = 8

    /// A demand cue ends shortly before the stance cue at `cueStart`, in the same clause.
    static func isAsked(_ cueStart: Int, cues: [Cue], _ tokens: [Token], lex: Lexicon) -> Bool {
        cues.contains { c in
            // "insisted it would scrap the levy": a modal in the clause tells an intent, not a demand.
            c.kind == .demanded && c.end <= cueStart && cueStart - c.end <= reach
                && !(c.end..<cueStart).contains { lex.isA(tokens[$0], WordClass.clauseEnd | WordClass.clauseStop | WordClass.modal) }
        }
    }
}
