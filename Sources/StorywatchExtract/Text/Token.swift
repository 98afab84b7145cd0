/// A word, number or punctuation mark of a sentence.
/// One String (its text): rules test the ids of its lower-case form and lemma, and its
/// endings, so a token is small to copy and to free; `lower` and a lemma's text
/// (`Lexicon.lemma(of:)`) are built where they are read.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var text: String
    var kind: Kind
    /// First character is an uppercase letter.
    var isCapitalized: Bool
    /// Inside a double-quoted passage.
    var inQuote: Bool
    /// Interned ids of the lower-case form and lemma in the lexicon that tokenized the text (-1:
    /// unknown, and then the word is its own lemma).
    var lowerID: Int32 = -1
    var lemmaID: Int32 = -1
    /// The word-class flags of the lower-case form (`WordClass`), and which entry lists the
    /// lower-case form and the lemma head (`WordTable.hasActions`, …): read from the table once,
    /// when the token is made, as every rule asks them.
    var flags: UInt64 = 0
    var kinds: UInt8 = 0
    var lemmaKinds: UInt8 = 0
    /// The endings of `lower` the rules test (`Ending`), found once when the token is made.
    var endings: Ending = []
    /// `WordTable.bucket(of:)` of the lower-case form of an ASCII word; `Token.noBucket` for others.
    var bucket: UInt8 = Token.noBucket
    static let noBucket: UInt8 = 0xFF

    /// Endings of a token's lower-case form: `ends(.ing)` is `lower.hasSuffix("ing")`.
    struct Ending: OptionSet, Sendable {
        let rawValue: UInt8
        static let ing = Ending(rawValue: 1 << 0)
        static let ed = Ending(rawValue: 1 << 1)
        static let s = Ending(rawValue: 1 << 2)
        static let ly = Ending(rawValue: 1 << 3)
        static let en = Ending(rawValue: 1 << 4)
        static let wn = Ending(rawValue: 1 << 5)

        static let all: [(Ending, String)] = [(.ing, "ing"), (.ed, "ed"), (.s, "s"), (.ly, "ly"), (.en, "en"), (.wn, "wn")]

        /// The endings of `lower`.
        static func of(_ lower: String) -> Ending {
            var lower = lower
            if let ascii = lower.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? of(ascii: $0) : nil }) { return ascii }
            return bySuffix(lower)
        }

        /// The endings of `lower` as String compares (by characters, as the rules read it).
        static func bySuffix(_ lower: String) -> Ending {
            var result: Ending = []
            for (ending, text) in all where lower.hasSuffix(text) { result.insert(ending) }
            return result
        }

        /// The endings of a lower-case ASCII word given as bytes: there a character is a byte.
        @inline(__always)
        static func of(ascii p: UnsafeBufferPointer<UInt8>) -> Ending {
            let n = p.count
            guard n > 0 else { return [] }
            @inline(__always) func at(_ k: Int) -> UInt8 { k <= n ? p[n - k] : 0 } // k-th byte from the end
            switch at(1) {
            case 0x67: return at(2) == 0x6E && at(3) == 0x69 ? .ing : [] // ing
            case 0x73: return .s
            case 0x79: return at(2) == 0x6C ? .ly : []
            case 0x6E: return at(2) == 0x65 ? .en : at(2) == 0x77 ? .wn : []
            case 0x64:
                return at(2) == 0x65 ? .ed : [] // ed
            default: return []
            }
        }
    }

    @inline(__always) func ends(_ ending: Ending) -> Bool { endings.contains(ending) }

    /// A past tense or participle ("they criticised it", "a deal was struck"): an inflected form
    /// that is neither an "-s" form nor a gerund.
    var isPastInflection: Bool { !isLemma && !ends(.s) && !ends(.ing) }

    /// The text holds a hyphen ("US-led"): its bytes read in place, where iterating the
    /// String's UTF-8 view cost over a hundred instructions a token.
    var hasHyphen: Bool { text.utf8.withContiguousStorageIfAvailable { $0.contains(0x2D) } ?? text.utf8.contains(0x2D) }

    /// The text lowercased: ASCII byte by byte, other text through the full Unicode mapping.
    var lower: String { Tokenizer.asciiLowercased(text) ?? text.lowercased() }
}
