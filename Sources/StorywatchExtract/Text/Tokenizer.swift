import StorywatchModel
/// Splits a sentence into tokens in one linear pass (no regexes). Keeps abbreviations
/// ("U.S."), hyphenated words ("tit-for-tat"), numbers ("7,951", "1.5") whole, and splits
/// clitics ("won't" → "wo", "n't"; "Russia's" → "Russia", "'s").
enum Tokenizer {
    static func tokenize(_ sentence: String, lemma: (String) -> String = { $0 }) -> [Token] {
        tokenize(sentence, table: nil, lemma: lemma)
    }

    /// With a word table: lemmas and word ids from it (`lemma` is not used).
    static func tokenize(_ sentence: String, table: WordTable?, lemma: (String) -> String = { $0 }) -> [Token] {
        var tokens: [Token] = []
        let text = ScalarText(sentence)
        let chars = text.scalars
        tokens.reserveCapacity(chars.count / 5)
        var i = 0
        var inQuote = false
        func add(_ word: String, _ kind: Token.Kind) {
            // ASCII words lowercase byte by byte; others through the full Unicode mapping.
            let lower = asciiLowercased(word) ?? word.lowercased()
            let (lemma, lowerID, lemmaID) = table?.intern(lower, isWord: kind == .word) ?? (kind == .word ? lemma(lower) : lower, -1, -1)
            tokens.append(Token(text: word, lower: lower, lemma: lemma, kind: kind,
                                isCapitalized: word.unicodeScalars.first?.isFastUppercase ?? false, inQuote: inQuote,
                                lowerID: lowerID, lemmaID: lemmaID))
        }
        while i < chars.count {
            let c = chars[i]
            if c.isFastWhitespace { i += 1; continue }
            if c.isWordCharacter {
                var j = i
                while j < chars.count {
                    let d = chars[j]
                    if d.isWordCharacter { j += 1; continue }
                    // Internal joiners: U.S. / 7,951 / tit-for-tat / 1.5
                    if (d == "." || d == "-" || d == "," || d == "&") && j + 1 < chars.count
                        && (chars[j + 1].isWordCharacter) {
                        if d == "," && !(chars[j - 1].isFastDigit && chars[j + 1].isFastDigit) { break }
                        if d == "." && !(chars[j + 1].isFastDigit && chars[j - 1].isFastDigit)
                            && !(j + 2 <= chars.count && isAbbreviationDot(chars, j)) { break }
                        j += 1
                        continue
                    }
                    break
                }
                // A trailing dot of an abbreviation such as "U.S." belongs to it.
                if j < chars.count && chars[j] == "." && j - i >= 2 && chars[j - 2] == "." { j += 1 }
                var word = text.string(i, j)
                // Clitics.
                if endsWithN(word) && j + 2 < chars.count + 1 && j < chars.count && (chars[j] == "'" || chars[j] == "\u{2019}")
                    && j + 1 < chars.count && chars[j + 1] == "t" && (j + 2 == chars.count || !chars[j + 2].isFastLetter) {
                    word.removeLast()
                    if !word.isEmpty { add(word, .word) }
                    add("n't", .word)
                    i = j + 2
                    continue
                }
                let isNumber = word.unicodeScalars.first?.isFastDigit ?? false
                add(word, isNumber ? .number : .word)
                i = j
                continue
            }
            if (c == "'" || c == "\u{2019}") && i + 1 < chars.count {
                // 's, 'll, 're, 've, 'd
                var j = i + 1
                while j < chars.count && chars[j].isFastLetter && j - i <= 3 { j += 1 }
                let clitic = text.string(i + 1, j).lowercased()
                if ["s", "ll", "re", "ve", "d", "m"].contains(clitic) && !tokens.isEmpty && tokens.last?.kind != .punct
                    && (j == chars.count || !chars[j].isFastLetter) {
                    add("'" + clitic, .word)
                    i = j
                    continue
                }
            }
            if c == "\"" { inQuote.toggle() }
            add(String(Character(c)), .punct)
            i += 1
        }
        return tokens
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
        return w.withUTF8 { p in
            String(unsafeUninitializedCapacity: p.count) { out in
                for k in 0..<p.count { let b = p[k]; out[k] = b &- 0x41 < 26 ? b | 0x20 : b }
                return p.count
            }
        }
    }

    /// `word.lowercased().hasSuffix("n")`, byte by byte for ASCII text.
    @inline(__always)
    private static func endsWithN(_ word: String) -> Bool {
        if let last = word.utf8.last, last < 0x80, word.utf8.allSatisfy({ $0 < 0x80 }) { return last == 0x6E || last == 0x4E }
        return word.lowercased().hasSuffix("n")
    }

    /// "U.S", "U.N": a dot between single letters.
    private static func isAbbreviationDot(_ chars: [Unicode.Scalar], _ j: Int) -> Bool {
        let beforeSingle = j >= 1 && chars[j - 1].isFastLetter && (j < 2 || !chars[j - 2].isFastLetter)
        let afterSingle = j + 1 < chars.count && chars[j + 1].isFastLetter && (j + 2 >= chars.count || !chars[j + 2].isFastLetter)
        return beforeSingle && afterSingle
    }
}
