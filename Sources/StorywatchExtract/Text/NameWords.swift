import StorywatchModel
/// The words of a person's name or title that the document's memory keys on (`ResolutionContext`):
/// found by bytes in ASCII text, where a byte is a character, and as characters otherwise.
enum NameWords {
    /// The first word of a name of two or three capitalised words, lowercased, when longer than two characters.
    static func firstOfShortName(_ name: String) -> String? {
        if let ascii = asciiFirstOfShortName(name) { return ascii }
        let words = name.split(separator: " ")
        guard (2...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }), words[0].count > 2 else { return nil }
        return words[0].lowercased()
    }

    /// `firstOfShortName` by bytes for printable ASCII (a byte a character: no "\r\n" pair);
    /// nil for other text. Splitting the String by characters cost thousands of instructions a name.
    private static func asciiFirstOfShortName(_ name: String) -> String?? {
        var copy = name
        return copy.withUTF8 { p -> String?? in
            guard p.allSatisfy({ $0 &- 0x20 < 0x5F }) else { return nil }
            var words = 0, first = 0..<0, k = 0
            while k < p.count {
                if p[k] == 0x20 { k += 1; continue }
                let start = k
                while k < p.count, p[k] != 0x20 { k += 1 }
                guard p[start] &- 0x41 < 26 else { return .some(nil) } // not capitalised
                if words == 0 { first = start..<k }
                words += 1
            }
            guard (2...3).contains(words), first.count > 2 else { return .some(nil) }
            return Tokenizer.asciiLowercased(p, first)
        }
    }

    /// The key a person is recalled by: the last word of the name lowercased, when it is
    /// capitalised and longer than two characters ("Sergey Lavrov" → "lavrov").
    static func aliasKey(of name: String) -> String? {
        // ASCII text: every byte is a character, so the word is found and lowercased by bytes.
        var copy = name
        let ascii: String?? = copy.withUTF8 { p in
            guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = p.count
            while end > 0, p[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0, p[start - 1] != 0x20 { start -= 1 }
            guard end - start > 2, p[start] &- 0x41 < 26 else { return .some(nil) }
            return Tokenizer.asciiLowercased(p, start..<end)
        }
        if let ascii { return ascii }
        guard let last = lastWord(name), last.first?.isFastUppercase ?? false, last.count > 2 else { return nil }
        return last.lowercased()
    }

    /// `text.split(separator: " ").last`, without splitting the whole text.
    static func lastWord(_ text: String) -> Substring? {
        // ASCII text: every byte is a character, so scan bytes (as offsets into its storage).
        var copy = text
        let ascii: Range<Int>?? = copy.withUTF8 { p in
            guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = p.count
            while end > 0, p[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return .some(nil) }
            var start = end
            while start > 0, p[start - 1] != 0x20 { start -= 1 }
            return start..<end
        }
        if let ascii {
            guard let word = ascii else { return nil }
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: word.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: word.upperBound)]
        }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        guard end > text.startIndex else { return nil }
        var start = end
        while start > text.startIndex, text[text.index(before: start)] != " " { start = text.index(before: start) }
        return text[start..<end]
    }
}
