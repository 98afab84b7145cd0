/// Phenomenon: a short date phrase right after a verb ("seized on Friday", "detained last week",
/// "met yesterday"): it dates the verb and stands between it and what follows.
enum DatePhrase {
    /// Where the date phrase starting at `k` ends ("on Friday", "on March 3", "last week", "met
    /// yesterday" at its second word), or nil when none starts there.
    static func end(at k: Int, _ tokens: [Token], lex: Lexicon) -> Int? {
        guard k < tokens.count else { return nil }
        if tokens[k].is(.yesterday) { return k + 1 }
        guard k + 1 < tokens.count else { return nil }
        if tokens[k].is(.last) { return k + 2 }
        guard tokens[k].is(.on), lex.namesWeekday(tokens[k + 1]) || lex.namesMonth(tokens[k + 1]) || tokens[k + 1].kind == .number else {
            return nil
        }
        var end = k + 2
        while end < tokens.count && (tokens[end].kind == .number || lex.namesMonth(tokens[end])) { end += 1 }
        return end
    }
}
