/// Phenomenon: a temporal clause that only dates the main act is its setting, not news of the sentence.
///
/// A clause measured from another act ("two weeks after the rebels seized the town", "hours
/// before the vote") recalls that act to date this one; a clause of simultaneous circumstance
/// ("as the fighting raged") tells the backdrop. A bare "after the council imposed sanctions"
/// still reports a fact (`ClauseSelection`).
enum TimeReference {
    /// The temporal clause opened at `opener` only dates the main clause's act.
    static func onlyDates(opener: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        if tokens[opener].is(.as) { return true }
        guard opener > 0 else { return false }
        let unit = tokens[opener - 1]
        return unit.kind == .word && !unit.isCapitalized
            && (DateWords.days(unit.lower) != nil || lex.isA(unit, WordClass.measureUnit))
    }
}
