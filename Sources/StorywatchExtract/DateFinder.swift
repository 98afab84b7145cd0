import StorywatchModel

/// Dates inside a sentence: "19 Jul 2017", "on 16 December", "on Saturday" (against the item's date).
enum DateFinder {
    /// A day and month in a sentence may lie ahead ("takes effect on April 17"): the year that
    /// puts it closest to the item's date.
    static func closest(month: Int, day: Int, to reference: Day) -> Day {
        let candidates = [reference.year - 1, reference.year, reference.year + 1].map { Day(year: $0, month: month, day: day) }
        return candidates.min { abs($0.ordinal - reference.ordinal) < abs($1.ordinal - reference.ordinal) } ?? reference
    }

    /// The date a sentence's tokens name (its words are the tokens that are not punctuation)
    /// and the token where its phrase starts, with the lexicon's word ids in place of the month
    /// and weekday tables. `itemDated`: the item has its own date, so vague mentions ("in
    /// January", "months ago") in a sentence refer to something else and do not move the event.
    static func dated(tokens: [Token], lex: Lexicon, reference: Day?, itemDated: Bool = false, lastTold: Day? = nil) -> (day: Day, at: Int)? {
        // Per word, on the stack: its token, Int(word) and month (a sentence's worth each).
        withScratch(count: tokens.count, initial: 0) { words in
            withScratch(count: tokens.count, initial: nil as Int?) { ints in
                withScratch(count: tokens.count, initial: 0) { months in
                    var count = 0
                    let table = lex.table
                    for k in tokens.indices where tokens[k].kind != .punct {
                        words[count] = k
                        // Int(word): only words starting with a digit can parse (a word never starts with a sign).
                        if let b = tokens[k].text.utf8.first, b &- 0x30 < 10 { ints[count] = Int(tokens[k].text) } else { ints[count] = nil }
                        months[count] = tokens[k].lowerID >= 0 ? Int(table.month[Int(tokens[k].lowerID)]) : 0
                        count += 1
                    }
                    return date(tokens: tokens, table: table, words: words.prefix(count), ints: ints.prefix(count),
                                months: months.prefix(count), reference: reference, itemDated: itemDated, lastTold: lastTold)
                }
            }
        }
    }

    private static func date(tokens: [Token], table: WordTable, words: BufferView<Int>, ints: BufferView<Int?>,
                             months: BufferView<Int>, reference: Day?, itemDated: Bool, lastTold: Day?) -> (day: Day, at: Int)? {
        for i in words.indices where i + 2 < words.count {
            // DateText.fullDate(a, b, c).
            if let d = ints[i], months[i + 1] != 0, let y = ints[i + 2], (1900...2200).contains(y), (1...31).contains(d) {
                return (Day(year: y, month: months[i + 1], day: d), words[i])
            }
            if months[i] != 0, let d = ints[i + 1], let y = ints[i + 2], (1900...2200).contains(y), (1...31).contains(d) {
                return (Day(year: y, month: months[i], day: d), words[i])
            }
        }
        guard let reference else { return nil }
        for i in words.indices {
            let word = tokens[words[i]], id = word.lowerID
            // "on Wednesday May 7": the month and day that follow the weekday date it.
            let namesDay = i + 2 < words.count && ((months[i + 1] != 0 && ints[i + 2] != nil) || (ints[i + 1] != nil && months[i + 2] != 0))
            if id >= 0, case let weekday = table.weekday[Int(id)], weekday >= 0, !namesDay {
                // "will meet on Friday", "said they would resume talks Monday": a weekday in a
                // clause about what is to come lies ahead; otherwise it is the last one.
                if looksAhead(tokens, to: words[i], table: table) {
                    return (reference.adding(days: (Int(weekday) - reference.weekday + 7) % 7), words[i])
                }
                let back = (reference.weekday - Int(weekday) + 7) % 7
                return (reference.adding(days: -back), words[i])
            }
            let m = months[i]
            if i + 1 < words.count, m != 0, let d = ints[i + 1], (1...31).contains(d) {
                return (closest(month: m, day: d, to: reference), words[i])
            }
            if i + 1 < words.count, let d = ints[i], (1...31).contains(d), months[i + 1] != 0 {
                return (closest(month: months[i + 1], day: d, to: reference), words[i])
            }
            if word.is(.yesterday) { return (reference.adding(days: -1), words[i]) }
            // "Two days later": counted from the date the text told last.
            if word.is(.later), i >= 2, let lastTold, let days = DateWords.days(tokens[words[i - 1]].lower),
               case let countWord = tokens[words[i - 2]].lower, let count = Int(countWord) ?? DateWords.count(countWord) {
                return (lastTold.adding(days: count * days), words[i - 2])
            }
            if itemDated { continue }
            // "a few months ago", "two weeks ago", "last year".
            if word.is(.ago), i >= 2 {
                let unit = tokens[words[i - 1]].lower
                let countWord = tokens[words[i - 2]].lower
                let count = Int(countWord) ?? DateWords.count(countWord) ?? 1
                let days = DateWords.days(unit)
                if let days { return (reference.adding(days: -count * days), words[i - 2]) }
            }
            if word.is(.year), i > 0, tokens[words[i - 1]].is(.last) { return (Day(year: reference.year - 1, month: 7, day: 1), words[i - 1]) }
            // "warned last week", "last month": a week or a month before.
            if i > 0, tokens[words[i - 1]].is(.last), let days = DateWords.days(word.lower), days == 7 || days == 30 {
                return (reference.adding(days: -days), words[i - 1])
            }
            // "in November": the latest such month on or before the reference, day 1.
            if i > 0, tokens[words[i - 1]].is(.in) || tokens[words[i - 1]].is(.last), m != 0,
               i + 1 >= words.count || ints[i + 1] == nil {
                let year = m <= reference.month ? reference.year : reference.year - 1
                return (Day(year: year, month: m, day: 1), words[i])
            }
        }
        return nil
    }

    /// Where a short date phrase starting at `k` ends ("seized on Friday", "on March 3",
    /// "detained last week", "met yesterday"), or nil when none starts there: what stands between
    /// a verb and what follows it (`PassiveAgent`).
    static func phraseEnd(at k: Int, _ tokens: [Token], lex: Lexicon) -> Int? {
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

    /// A modal verb stands in the weekday's clause, before it (at most eight words back, not
    /// past a comma or clause mark).
    private static func looksAhead(_ tokens: [Token], to k: Int, table: WordTable) -> Bool {
        var j = k - 1
        while j >= max(0, k - 8), tokens[j].kind != .punct {
            if tokens[j].lowerID >= 0, table.info[Int(tokens[j].lowerID)].flags & WordClass.modal != 0 { return true }
            j -= 1
        }
        return false
    }
}
