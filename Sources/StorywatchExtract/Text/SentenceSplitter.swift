import StorywatchModel
/// Splits text into sentences, surviving abbreviations (U.S., Mr., Gen., St., Jan.), initials,
/// decimals and closing quotes. Linear time.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "st", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "rev",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "calif",
        "co", "corp", "inc", "ltd", "jr", "sr", "adm", "maj", "cmdr", "pres", "fig", "approx", "mt", "ft",
        "u.s", "u.n", "u.k", "e.u", "u.s.a",
    ]

    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        let scalarText = ScalarText(text)
        let chars = scalarText.scalars
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            let piece = scalarText.string(start, end).trimmed(" \n")
            if !piece.isEmpty { sentences.append(piece) }
            start = end
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { emit(i); i += 1; start = i; continue }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count && (chars[j] == "\"" || chars[j] == "'" || chars[j] == ")" || chars[j] == "." ) { j += 1 }
                guard j < chars.count, chars[j] == " " else { i = j; continue }
                var k = j
                while k < chars.count && chars[k] == " " { k += 1 }
                guard k < chars.count else { i = j; continue }
                let next = chars[k]
                let startsSentence = next.isFastUppercase || next.isFastDigit || next == "\"" || next == "'" || next == "("
                    || next == "–" || next == "-"
                if c == "." && (!startsSentence || isAbbreviation(chars, before: i)) { i = j; continue }
                if !startsSentence { i = j; continue }
                emit(j)
                i = k
                start = k
                continue
            }
            i += 1
        }
        emit(chars.count)
        return sentences
    }

    /// The word before a dot is an abbreviation or an initial.
    private static func isAbbreviation(_ chars: [Unicode.Scalar], before dot: Int) -> Bool {
        var s = dot
        while s > 0 && (chars[s - 1].isFastLetter || chars[s - 1] == ".") { s -= 1 }
        if dot - s == 1 && chars[s].isFastUppercase { return true } // an initial: "John F. Kennedy"
        // No abbreviation is longer than 6 characters, and lowercasing never shortens a word.
        if dot - s > 6 { return false }
        let word = String(String.UnicodeScalarView(chars[s..<dot])).lowercased()
        return abbreviations.contains(word)
    }
}

extension StringProtocol {
    /// Drops the given characters from both ends.
    func trimmed(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
