/// Reads calendar dates written the way news text writes them. Shared by Ingest (timeline
/// entries, datelines) and Extract (dates inside sentences). No regexes: token scans only.
package enum DateText {
    package static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    package static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]

    /// Words of a short text, split on spaces and punctuation except letters and digits.
    package static func words(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { !$0.isWordCharacter })
    }

    /// A full date such as "19 Jul 2017", "July 19, 2017", "2017-07-19" at the start of `text`
    /// (first four words); nil when none.
    package static func leadingFullDate(_ text: Substring) -> Day? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" || $0 == "•" || $0 == "-" || $0 == "*" })
        if let iso = Day(iso: String(trimmed.prefix(10))) { return iso }
        let w = Array(words(trimmed.prefix(40)).prefix(4))
        guard w.count >= 3 else { return nil }
        return fullDate(w[0], w[1], w[2])
    }

    /// Day-month-year or month-day-year from three words.
    package static func fullDate(_ a: Substring, _ b: Substring, _ c: Substring) -> Day? {
        if let d = Int(a), let m = months[b.lowercased()], let y = Int(c), validYear(y), (1...31).contains(d) {
            return Day(year: y, month: m, day: d)
        }
        if let m = months[a.lowercased()], let d = Int(b), let y = Int(c), validYear(y), (1...31).contains(d) {
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// A dateline "TOKYO, April 18 -", "JAIPUR, India, Dec 16 , 2006" or "MINSK, March 3 (Agency) -":
    /// month, day and the year when it is written.
    package static func dateline(_ line: Substring) -> (month: Int, day: Int, year: Int?)? {
        guard let comma = line.firstIndex(of: ","), line.distance(from: line.startIndex, to: comma) <= 40 else {
            return nil
        }
        let place = line[..<comma]
        // The place is written in capitals.
        guard place.contains(where: { $0.isFastLetter }), !place.contains(where: { $0.isFastLowercase }) else {
            return nil
        }
        let rest = words(line[line.index(after: comma)...].prefix(60))
        for i in 0..<min(rest.count, 4) {
            guard let m = months[rest[i].lowercased()] else { continue }
            guard i + 1 < rest.count, let d = Int(rest[i + 1]), (1...31).contains(d) else { return nil }
            var year: Int?
            if i + 2 < rest.count, let y = Int(rest[i + 2]), validYear(y) { year = y }
            return (m, d, year)
        }
        return nil
    }

    /// The latest year that puts month/day on or before `reference` (design §3, Dates).
    package static func resolve(month: Int, day: Int, before reference: Day) -> Day {
        // 29 February exists only in leap years: step back to the latest year where the day is real.
        for year in stride(from: reference.year, through: reference.year - 8, by: -1) {
            let candidate = Day(year: year, month: month, day: day)
            if Day(ordinal: candidate.ordinal) == candidate, candidate <= reference { return candidate }
        }
        let same = Day(year: reference.year, month: month, day: day)
        return same <= reference ? same : Day(year: reference.year - 1, month: month, day: day)
    }

    private static func validYear(_ y: Int) -> Bool { (1900...2200).contains(y) }
}
