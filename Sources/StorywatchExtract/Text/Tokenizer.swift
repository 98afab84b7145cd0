import StorywatchModel
/// Splits a sentence into tokens in one linear pass (no regexes). Keeps abbreviations
/// ("U.S."), hyphenated words ("tit-for-tat"), numbers ("7,951", "1.5") whole, and splits
/// clitics ("won't" → "wo", "n't"; "Russia's" → "Russia", "'s").
/// Scans the UTF-8 bytes (see `UTF8Scalars`): positions are byte offsets, and a scalar is
/// decoded only where it is not ASCII.
enum Tokenizer {
    static func tokenize(_ sentence: String) -> [Token] {
        tokenize(sentence, table: nil)
    }

    /// With a word table: word ids (so lemmas) from it; without, every id is -1.
    static func tokenize(_ sentence: String, table: WordTable?) -> [Token] {
        var tokens: [Token] = []
        tokenize(sentence, table: table, into: &tokens)
        return tokens
    }

    /// Tokenizes into `tokens`, emptied first and its storage kept: a document's sentences can
    /// share one list.
    static func tokenize(_ sentence: String, table: WordTable?, into tokens: inout [Token]) {
        var sentence = sentence
        tokens.removeAll(keepingCapacity: true)
        sentence.withUTF8 { p in
            var builder = TokenBuilder(table: table)
            swap(&builder.tokens, &tokens) // moved in and out, never shared (so never copied)
            builder.tokens.reserveCapacity(p.count / 4 + 4)
            scan(p, into: &builder)
            swap(&builder.tokens, &tokens)
        }
    }

    private static func scan(_ p: UnsafeBufferPointer<UInt8>, into builder: inout TokenBuilder) {
        let n = p.count
        @inline(__always) func at(_ k: Int) -> Unicode.Scalar { UTF8Scalars.scalar(p, at: k).scalar }
        @inline(__always) func after(_ k: Int) -> Int { k + UTF8Scalars.scalar(p, at: k).width }
        @inline(__always) func before(_ k: Int) -> Int { UTF8Scalars.start(p, before: k) }
        var i = 0
        while i < n {
            let (c, width) = UTF8Scalars.scalar(p, at: i)
            if c.isFastWhitespace { i += width; continue }
            if c.isWordCharacter {
                var j = i
                while j < n {
                    // A run of ASCII letters and digits, byte by byte (no scalar decoding).
                    while j < n, case let b = p[j], b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 { j += 1 }
                    guard j < n else { break }
                    let (d, dWidth) = UTF8Scalars.scalar(p, at: j)
                    if d.isWordCharacter { j += dWidth; continue }
                    // Internal joiners: U.S. / 7,951 / tit-for-tat / 1.5 (all one byte).
                    if (d == "." || d == "-" || d == "," || d == "&") && j + 1 < n && at(j + 1).isWordCharacter {
                        let previous = at(before(j)), next = at(j + 1)
                        if d == "," && !(previous.isFastDigit && next.isFastDigit) { break }
                        if d == "." && !(next.isFastDigit && previous.isFastDigit) && !isAbbreviationDot(p, j) { break }
                        j += 1
                        continue
                    }
                    break
                }
                // A trailing dot of an abbreviation such as "U.S." belongs to it: the word's
                // second-to-last scalar is a dot.
                if j < n && p[j] == 0x2E, case let last = before(j), last > i, p[before(last)] == 0x2E, before(last) >= i { j += 1 }
                // Clitics.
                if j < n, at(j) == "'" || at(j) == "\u{2019}", case let t = after(j), t < n, p[t] == 0x74,
                   t + 1 == n || !at(t + 1).isFastLetter {
                    var word = builder.string(p, i, j)
                    if endsWithN(word) {
                        word.removeLast()
                        if !word.isEmpty { builder.add(word, .word, capitalized: c.isFastUppercase) }
                        builder.add("n't", .word, capitalized: false)
                        i = t + 1
                        continue
                    }
                }
                builder.addWord(p, i, j, kind: c.isFastDigit ? .number : .word, capitalized: c.isFastUppercase)
                i = j
                continue
            }
            if (c == "'" || c == "\u{2019}") && i + width < n {
                // 's, 'll, 're, 've, 'd
                var j = i + width
                var letters = 0
                while j < n, letters <= 2, case let (l, lWidth) = UTF8Scalars.scalar(p, at: j), l.isFastLetter {
                    j += lWidth
                    letters += 1
                }
                if letters >= 1 && letters <= 2, !builder.tokens.isEmpty, builder.tokens.last?.kind != .punct,
                   j == n || !at(j).isFastLetter, let clitic = Self.clitic(p, i + width, j) {
                    builder.add(clitic, .word, capitalized: false)
                    i = j
                    continue
                }
            }
            if c == "\"" { builder.inQuote.toggle() }
            builder.addWord(p, i, i + width, kind: .punct, capitalized: c.isFastUppercase)
            i += width
        }
    }

    /// "'s", "'ll", "'re", "'ve", "'d", "'m" for the letters `from..<to`; nil for other letters.
    private static func clitic(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String? {
        let word = String(decoding: UnsafeBufferPointer(rebasing: p[from..<to]), as: UTF8.self)
        let lower = asciiLowercased(word) ?? word.lowercased()
        return ["s", "ll", "re", "ve", "d", "m"].contains(lower) ? "'" + lower : nil
    }

    /// `word.lowercased()` for ASCII text, byte by byte; nil for other text.
    @inline(__always)
    static func asciiLowercased(_ word: String) -> String? {
        var upper = false
        for b in word.utf8 {
            if b >= 0x80 { return nil }
            if b &- 0x41 < 26 { upper = true }
        }
        if !upper { return word }
        var w = word
        return w.withUTF8 { asciiLowercased($0, 0..<$0.count) }
    }

    /// The bytes `range` of ASCII text `p` lower-cased, as a string: one allocation, no
    /// intermediate array.
    static func asciiLowercased(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
            for k in range { let b = p[k]; out[k - range.lowerBound] = b &- 0x41 < 26 ? b | 0x20 : b }
            return range.count
        }
    }

    /// `word.lowercased().hasSuffix("n")`, byte by byte for ASCII text.
    @inline(__always)
    private static func endsWithN(_ word: String) -> Bool {
        if let last = word.utf8.last, last < 0x80, word.utf8.allSatisfy({ $0 < 0x80 }) { return last == 0x6E || last == 0x4E }
        return word.lowercased().hasSuffix("n")
    }

    /// "U.S", "U.N": a dot (at byte `j`) between single letters.
    private static func isAbbreviationDot(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        let n = p.count
        guard j >= 1, j + 1 < n else { return false }
        let letterBefore = UTF8Scalars.start(p, before: j)
        let beforeSingle = UTF8Scalars.scalar(p, at: letterBefore).scalar.isFastLetter
            && (letterBefore == 0 || !UTF8Scalars.scalar(p, at: UTF8Scalars.start(p, before: letterBefore)).scalar.isFastLetter)
        let (letterAfter, width) = UTF8Scalars.scalar(p, at: j + 1)
        let afterSingle = letterAfter.isFastLetter && (j + 1 + width >= n || !UTF8Scalars.scalar(p, at: j + 1 + width).scalar.isFastLetter)
        return beforeSingle && afterSingle
    }
}
