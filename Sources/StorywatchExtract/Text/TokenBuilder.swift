/// Collects the tokens of a sentence: their word ids and endings.
struct TokenBuilder {
    let table: WordTable?
    var tokens: [Token] = []
    var inQuote = false

    init(table: WordTable?) {
        self.table = table
    }

    /// The bytes `from..<to` as a String.
    @inline(__always)
    func string(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[from..<to]), as: UTF8.self)
    }

    mutating func add(_ word: String, _ kind: Token.Kind, capitalized: Bool) {
        // ASCII words lowercase byte by byte; others through the full Unicode mapping.
        let lower = Tokenizer.asciiLowercased(word) ?? word.lowercased()
        let endings = Token.Ending.of(lower)
        guard let table else {
            return tokens.append(Token(text: word, kind: kind, isCapitalized: capitalized, inQuote: inQuote, endings: endings))
        }
        append(word, table.lookup(lower), kind, capitalized, table, endings)
    }

    /// The word or mark at bytes `from..<to`. An ASCII word is lowercased and looked up on the
    /// stack, so a word costs one String (its text), and one the lexicon knows as written none.
    mutating func addWord(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, kind: Token.Kind, capitalized: Bool) {
        let count = to - from
        guard let table, count <= Self.longestLowered else { return add(string(p, from, to), kind, capitalized: capitalized) }
        // Lowercased in one pass into a buffer zero-padded to whole 8-byte words, which the hash
        // reads a load a step.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestLowered + 8) { lowered in
            var uppers = 0, anyByte: UInt8 = 0
            for k in 0..<count {
                let b = p[from + k], isUpper = b &- 0x41 < 26
                anyByte |= b
                uppers += isUpper ? 1 : 0
                lowered[k] = isUpper ? b | 0x20 : b
            }
            guard anyByte < 0x80 else { return add(string(p, from, to), kind, capitalized: capitalized) }
            UnsafeMutableRawPointer(lowered.baseAddress! + count).storeBytes(of: 0, as: UInt64.self)
            let word = UnsafeBufferPointer(rebasing: lowered[..<count])
            let key = WordKey(zeroPadded: BufferView(UnsafeBufferPointer(lowered)), count: count)
            var bucket: UInt8 = 0
            let id = table.lookup(bytes: BufferView(word), key: key, bucket: &bucket)
            // A word the table knows, written as it is stored or capitalised: a stored String serves.
            let initialOnly = uppers == 1 && p[from] &- 0x41 < 26
            let text = id >= 0 && uppers == 0 ? table.strings[Int(id)]
                : id >= 0 && initialOnly ? table.capitalizedStrings[Int(id)] : string(p, from, to)
            append(text, id, kind, capitalized, table, Token.Ending.of(ascii: word), bucket)
        }
    }

    /// The longest ASCII word lowercased on the stack; longer ones go through `add`.
    private static let longestLowered = 64

    /// A token whose lower-case form has the id `id` (looked up already).
    @inline(__always)
    private mutating func append(_ text: String, _ id: Int32, _ kind: Token.Kind, _ capitalized: Bool, _ table: WordTable,
                                 _ endings: Token.Ending, _ bucket: UInt8 = Token.noBucket) {
        // Every field computed first and the token built in one go: setting fields of a token
        // already made stored them byte by byte, and its copy into the array then stalled.
        var lemmaID = id, flags: UInt64 = 0, kinds: UInt8 = 0, lemmaKinds: UInt8 = 0
        if id >= 0 {
            let info = table.info[Int(id)]
            flags = info.flags
            kinds = info.kinds
            lemmaKinds = info.kinds
            if kind == .word {
                lemmaID = info.lemmaID
                if info.lemmaID != id { lemmaKinds = info.lemmaID >= 0 ? table.info[Int(info.lemmaID)].kinds : 0 }
            }
        }
        assert(endings == Token.Ending.bySuffix(Tokenizer.asciiLowercased(text) ?? text.lowercased()), "endings of \(text)")
        tokens.append(Token(text: text, kind: kind, isCapitalized: capitalized, inQuote: inQuote, lowerID: id, lemmaID: lemmaID,
                            flags: flags, kinds: kinds, lemmaKinds: lemmaKinds, endings: endings, bucket: bucket))
    }
}
