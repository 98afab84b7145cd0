/// Phenomenon: a day named as an adverbial ("on Saturday", "Monday", or the day before) may stand
/// between a noun and the phrase that completes it ("talks on Monday between the two sides").
enum DayAdverbial {
    /// The position right after a day adverbial starting at `k`, or nil when none starts there.
    static func end(from k: Int, _ tokens: [Token], lex: Lexicon) -> Int? {
        guard k < tokens.count else { return nil }
        if tokens[k].is(.yesterday) { return k + 1 }
        let day = tokens[k].is(.on) ? k + 1 : k
        guard day < tokens.count, lex.namesWeekday(tokens[day]) else { return nil }
        return day + 1
    }

    /// How many words of `range` day adverbials take up: a complement that far is no farther.
    static func words(in range: Range<Int>, _ tokens: [Token], lex: Lexicon) -> Int {
        var (k, count) = (range.lowerBound, 0)
        while k < range.upperBound {
            if let e = end(from: k, tokens, lex: lex), e <= range.upperBound {
                count += e - k
                k = e
            } else {
                k += 1
            }
        }
        return count
    }
}
