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

// MARK: Byte scans

/// The same reads on UTF-8 bytes, for callers that hold bytes (Ingest). They agree with the
/// Character-based functions above on every input: text made of ASCII and plain punctuation
/// (U+2010–U+2027) is scanned byte by byte, anything else goes through the functions above.
extension DateText {
    /// `leadingFullDate` of the text in `p`.
    package static func leadingFullDate(bytes p: UnsafeBufferPointer<UInt8>) -> Day? {
        let n = p.count
        var i = 0
        // The leading " ", "\t", "•", "-", "*" characters.
        while i < n {
            let b = p[i]
            let width: Int
            if b == 0x20 || b == 0x09 || b == 0x2D || b == 0x2A {
                width = 1
            } else if b == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA2 {
                width = 3
            } else {
                break
            }
            // Each must be a whole character: what follows may not extend it.
            if i + width < n, !ByteChars.startsSimple(p, at: i + width) { return slowLeadingFullDate(p) }
            i += width
        }
        // ISO "YYYY-MM-DD" in the first 10 characters, then words in the first 40.
        guard let isoEnd = ByteChars.simplePrefixEnd(p, from: i, characters: 10),
              let wordsEnd = ByteChars.simplePrefixEnd(p, from: i, characters: 40) else {
            return slowLeadingFullDate(p)
        }
        if let day = isoDay(p, from: i, to: isoEnd) { return day }
        var words: [(Int, Int)] = []
        words.reserveCapacity(4)
        ByteChars.words(p, from: i, to: wordsEnd, limit: 4, into: &words)
        guard words.count >= 3 else { return nil }
        return fullDate(p, words[0], words[1], words[2])
    }

    private static func slowLeadingFullDate(_ p: UnsafeBufferPointer<UInt8>) -> Day? {
        leadingFullDate(Substring(String(decoding: p, as: UTF8.self)))
    }

    /// `Day(iso:)` of the bytes from..<to: split on "-", numbers only, three of them.
    private static func isoDay(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Day? {
        var parts: (Int, Int, Int) = (0, 0, 0)
        var count = 0
        var start = from
        var i = from
        while i <= to {
            if i == to || p[i] == 0x2D {
                if i > start, let v = ByteChars.int(p, start, i, signed: true) {
                    switch count {
                    case 0: parts.0 = v
                    case 1: parts.1 = v
                    case 2: parts.2 = v
                    default: return nil
                    }
                    count += 1
                }
                start = i + 1
            }
            i += 1
        }
        guard count == 3, (1...12).contains(parts.1), (1...31).contains(parts.2) else { return nil }
        return Day(year: parts.0, month: parts.1, day: parts.2)
    }

    /// `fullDate` of three words given as byte ranges.
    private static func fullDate(_ p: UnsafeBufferPointer<UInt8>, _ a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int)) -> Day? {
        if let d = ByteChars.int(p, a.0, a.1, signed: false), let m = month(p, b), let y = ByteChars.int(p, c.0, c.1, signed: false),
           validYear(y), (1...31).contains(d) {
            return Day(year: y, month: m, day: d)
        }
        if let m = month(p, a), let d = ByteChars.int(p, b.0, b.1, signed: false), let y = ByteChars.int(p, c.0, c.1, signed: false),
           validYear(y), (1...31).contains(d) {
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    private static let monthNames: [(name: [UInt8], month: Int)] = months.map { (Array($0.key.utf8), $0.value) }

    /// The month an ASCII word names, in any case.
    private static func month(_ p: UnsafeBufferPointer<UInt8>, _ w: (Int, Int)) -> Int? {
        let length = w.1 - w.0
        guard length >= 3, length <= 9 else { return nil }
        for entry in monthNames where entry.name.count == length {
            var k = 0
            while k < length && (p[w.0 + k] | 0x20) == entry.name[k] && ByteChars.isLetter(p[w.0 + k]) { k += 1 }
            if k == length { return entry.month }
        }
        return nil
    }

    /// `dateline` of the line in `p`.
    package static func dateline(bytes p: UnsafeBufferPointer<UInt8>) -> (month: Int, day: Int, year: Int?)? {
        let n = p.count
        var i = 0
        var sawLetter = false
        // The comma within the first 41 characters; the place before it in capitals.
        while true {
            if i >= n || i > 40 { return nil }
            let b = p[i]
            if b >= 0x80 { return slowDateline(p) }
            if b == 0x2C { break }
            if b &- 0x61 < 26 {
                // A lower-case letter in the place, or no comma close enough: no dateline either way.
                if i + 1 < n && p[i + 1] >= 0x80 { return slowDateline(p) }
                return nil
            }
            if b &- 0x41 < 26 { sawLetter = true }
            i += 1
        }
        let comma = i
        guard sawLetter else {
            if comma + 1 < n && p[comma + 1] >= 0x80 { return slowDateline(p) }
            return nil
        }
        guard let end = ByteChars.simplePrefixEnd(p, from: comma + 1, characters: 60) else { return slowDateline(p) }
        if comma + 1 < n, !ByteChars.startsSimple(p, at: comma + 1) { return slowDateline(p) }
        var words: [(Int, Int)] = []
        words.reserveCapacity(6)
        ByteChars.words(p, from: comma + 1, to: end, limit: 6, into: &words)
        for i in 0..<min(words.count, 4) {
            guard let m = month(p, words[i]) else { continue }
            guard i + 1 < words.count, let d = ByteChars.int(p, words[i + 1].0, words[i + 1].1, signed: false),
                  (1...31).contains(d) else { return nil }
            var year: Int?
            if i + 2 < words.count, let y = ByteChars.int(p, words[i + 2].0, words[i + 2].1, signed: false), validYear(y) { year = y }
            return (m, d, year)
        }
        return nil
    }

    private static func slowDateline(_ p: UnsafeBufferPointer<UInt8>) -> (month: Int, day: Int, year: Int?)? {
        dateline(Substring(String(decoding: p, as: UTF8.self)))
    }
}

/// Byte-level views of "simple" characters: ASCII bytes and the punctuation U+2010–U+2027
/// (dashes, quotes, bullets, ellipsis), each of which is a character of its own when only
/// simple characters surround it. Anything else makes the byte scans defer to Character code.
package enum ByteChars {
    /// True when a simple character starts at `i` (which must be in bounds).
    @inline(__always)
    package static func startsSimple(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return b != 0x0D }
        return b == 0xE2 && i + 2 < p.count && p[i + 1] == 0x80 && p[i + 2] &- 0x90 < 0x18
    }

    /// The end of the first `characters` characters from `from`, when they and the character
    /// after them are simple; nil otherwise.
    package static func simplePrefixEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int, characters: Int) -> Int? {
        var i = from
        var count = 0
        let n = p.count
        while i < n && count < characters {
            let b = p[i]
            if b < 0x80 {
                if b == 0x0D { return nil }
                i += 1
            } else if startsSimple(p, at: i) {
                i += 3
            } else {
                return nil
            }
            count += 1
        }
        if i < n && !startsSimple(p, at: i) { return nil }
        return i
    }

    @inline(__always) package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) package static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Words (runs of ASCII letters and digits) in from..<to of simple characters, at most `limit`.
    package static func words(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, limit: Int, into words: inout [(Int, Int)]) {
        var i = from
        var start = -1
        while i < to {
            let b = p[i]
            if isLetter(b) || isDigit(b) {
                if start < 0 { start = i }
            } else if start >= 0 {
                words.append((start, i))
                if words.count == limit { return }
                start = -1
            }
            i += 1
        }
        if start >= 0 { words.append((start, to)) }
    }

    /// `Int(String)` of the bytes start..<end: an optional sign when `signed`, then ASCII digits.
    package static func int(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, signed: Bool) -> Int? {
        var i = start
        var negative = false
        if signed && i < end && (p[i] == 0x2B || p[i] == 0x2D) {
            negative = p[i] == 0x2D
            i += 1
        }
        guard i < end else { return nil }
        var value = 0
        while i < end {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(d)) : m.addingReportingOverflow(Int(d))
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        return value
    }
}
