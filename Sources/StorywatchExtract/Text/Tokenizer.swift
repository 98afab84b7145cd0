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
        var i = 0
        while i < n {
            let (c, width) = UTF8Scalars.scalar(p, at: i)
            if c.isFastWhitespace { i += width; continue }
            if c.isWordCharacter {
                i = addWord(p, from: i, c, into: &builder)
                continue
            }
            if (c == "'" || c == "\u{2019}") && i + width < n, let end = addClitic(p, from: i, width, into: &builder) {
                i = end
                continue
            }
            if c == "\"" { builder.inQuote.toggle() }
            builder.addWord(p, i, i + width, kind: .punct, capitalized: c.isFastUppercase)
            i += width
        }
    }

    @inline(__always) private static func at(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Scalar { UTF8Scalars.scalar(p, at: k).scalar }

    /// Adds the word starting at `i` (its first scalar `c`), "n't" split off ("won't" → "wo",
    /// "n't"); returns where the next token starts.
    private static func addWord(_ p: UnsafeBufferPointer<UInt8>, from i: Int, _ c: Scalar, into builder: inout TokenBuilder) -> Int {
        let n = p.count
        let j = wordEnd(p, from: i)
        if j < n, at(p, j) == "'" || at(p, j) == "\u{2019}", case let t = j + UTF8Scalars.scalar(p, at: j).width, t < n, p[t] == 0x74,
           t + 1 == n || !at(p, t + 1).isFastLetter {
            var word = builder.string(p, i, j)
            if endsWithN(word) {
                word.removeLast()
                if !word.isEmpty { builder.add(word, .word, capitalized: c.isFastUppercase) }
                builder.add("n't", .word, capitalized: false)
                return t + 1
            }
        }
        builder.addWord(p, i, j, kind: c.isFastDigit ? .number : .word, capitalized: c.isFastUppercase)
        return j
    }

    /// The end of the word starting at `i`: internal joiners (U.S. / 7,951 / tit-for-tat / 1.5)
    /// keep it whole, and a trailing dot of an abbreviation such as "U.S." belongs to it.
    private static func wordEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = p.count
        var j = i
        while j < n {
            // A run of ASCII letters and digits, byte by byte (no scalar decoding).
            while j < n, case let b = p[j], b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 { j += 1 }
            guard j < n else { break }
            let (d, dWidth) = UTF8Scalars.scalar(p, at: j)
            if d.isWordCharacter { j += dWidth; continue }
            // (All joiners are one byte.)
            if (d == "." || d == "-" || d == "," || d == "&") && j + 1 < n && at(p, j + 1).isWordCharacter {
                let previous = at(p, UTF8Scalars.start(p, before: j)), next = at(p, j + 1)
                if d == "," && !(previous.isFastDigit && next.isFastDigit) { break }
                if d == "." && !(next.isFastDigit && previous.isFastDigit) && !isAbbreviationDot(p, j) { break }
                j += 1
                continue
            }
            break
        }
        // (The word's second-to-last scalar is a dot.)
        if j < n && p[j] == 0x2E, case let last = UTF8Scalars.start(p, before: j), last > i,
           case let dot = UTF8Scalars.start(p, before: last), p[dot] == 0x2E, dot >= i { j += 1 }
        return j
    }

    /// Adds "'s", "'ll", "'re", "'ve", "'d" after a word at the apostrophe `i` (`width` bytes);
    /// returns where the next token starts, or nil when none is there.
    private static func addClitic(_ p: UnsafeBufferPointer<UInt8>, from i: Int, _ width: Int, into builder: inout TokenBuilder) -> Int? {
        let n = p.count
        var j = i + width
        var letters = 0
        while j < n, letters <= 2, case let (l, lWidth) = UTF8Scalars.scalar(p, at: j), l.isFastLetter {
            j += lWidth
            letters += 1
        }
        guard letters >= 1 && letters <= 2, !builder.tokens.isEmpty, builder.tokens.last?.kind != .punct,
              j == n || !at(p, j).isFastLetter, let clitic = Self.clitic(p, i + width, j) else { return nil }
        builder.add(clitic, .word, capitalized: false)
        return j
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
