import StorywatchModel

/// Dates inside a sentence: "19 Jul 2017", "on 16 December", "on Saturday" (against the item's date).
enum DateFinder {
    /// A day and month in a sentence may lie ahead ("takes effect on April 17"): the year that
    /// puts it closest to the item's date.
    static func closest(month: Int, day: Int, to reference: Day) -> Day {
        let candidates = [reference.year - 1, reference.year, reference.year + 1].map { Day(year: $0, month: month, day: day) }
        return candidates.min { abs($0.ordinal - reference.ordinal) < abs($1.ordinal - reference.ordinal) } ?? reference
    }

    /// `itemDated`: the item has its own date, so vague mentions ("in January", "months ago")
    /// in a sentence refer to something else and do not move the event.
    static func date(in sentence: String, reference: Day?, itemDated: Bool = false) -> Day? {
        date(words: DateText.words(Substring(sentence)), reference: reference, itemDated: itemDated)
    }

    /// The same over words already split (the sentence's tokens without punctuation).
    static func date(words: [Substring], reference: Day?, itemDated: Bool = false) -> Day? {
        for i in words.indices {
            if i + 2 < words.count, let d = DateText.fullDate(words[i], words[i + 1], words[i + 2]) { return d }
        }
        guard let reference else { return nil }
        for i in words.indices {
            let w = words[i].lowercased()
            if let weekday = DateText.weekdays[w] {
                let back = (reference.weekday - weekday + 7) % 7
                return reference.adding(days: -back)
            }
            if i + 1 < words.count, let m = DateText.months[w], w.count >= 3, let d = Int(words[i + 1]), (1...31).contains(d) {
                return closest(month: m, day: d, to: reference)
            }
            if i + 1 < words.count, let d = Int(words[i]), (1...31).contains(d), let m = DateText.months[words[i + 1].lowercased()],
               words[i + 1].count >= 3 {
                return closest(month: m, day: d, to: reference)
            }
            if w == "yesterday" { return reference.adding(days: -1) }
            if itemDated { continue }
            // "a few months ago", "two weeks ago", "last year".
            if w == "ago", i >= 2 {
                let unit = words[i - 1].lowercased()
                let countWord = words[i - 2].lowercased()
                let count = Int(countWord) ?? ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                               "few": 3, "several": 3, "some": 3][countWord] ?? 1
                let days: Int? = unit.hasPrefix("day") ? 1 : unit.hasPrefix("week") ? 7 : unit.hasPrefix("month") ? 30
                    : unit.hasPrefix("year") ? 365 : nil
                if let days { return reference.adding(days: -count * days) }
            }
            if w == "year", i > 0, words[i - 1].lowercased() == "last" { return Day(year: reference.year - 1, month: 7, day: 1) }
            // "in November": the latest such month on or before the reference, day 1.
            if i > 0, ["in", "last"].contains(words[i - 1].lowercased()), let m = DateText.months[w], w.count >= 3,
               i + 1 >= words.count || Int(words[i + 1]) == nil {
                let year = m <= reference.month ? reference.year : reference.year - 1
                return Day(year: year, month: m, day: 1)
            }
        }
        return nil
    }
}
