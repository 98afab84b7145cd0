/// Collects the tokens of a sentence: their lower-case forms, lemmas and word ids.
struct TokenBuilder {
    let table: WordTable?
    let lemma: (String) -> String
    var tokens: [Token] = []
    var inQuote = false

    init(table: WordTable?, lemma: @escaping (String) -> String) {
        self.table = table
        self.lemma = lemma
    }

    /// The bytes `from..<to` as a String.
    @inline(__always)
    func string(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[from..<to]), as: UTF8.self)
    }

    mutating func add(_ word: String, _ kind: Token.Kind, capitalized: Bool) {
        // ASCII words lowercase byte by byte; others through the full Unicode mapping.
        let lower = Tokenizer.asciiLowercased(word) ?? word.lowercased()
        let (lemma, lowerID, lemmaID) = table?.intern(lower, isWord: kind == .word) ?? (kind == .word ? lemma(lower) : lower, -1, -1)
        append(word, lower, lemma, kind, capitalized, lowerID, lemmaID, Token.Ending.of(lower))
    }

    /// The word or mark at bytes `from..<to`. An ASCII word is lowercased and looked up on the stack,
    /// so a word the lexicon knows costs one String (its text) and a known one none more.
    mutating func addWord(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, kind: Token.Kind, capitalized: Bool) {
        let count = to - from
        guard let table, count <= 64 else { return add(string(p, from, to), kind, capitalized: capitalized) }
        var upper = false
        for k in from..<to {
            let b = p[k]
            if b >= 0x80 { return add(string(p, from, to), kind, capitalized: capitalized) }
            if b &- 0x41 < 26 { upper = true }
        }
        guard upper else {
            // A word the table knows, written as it is stored: its stored String serves.
            let id = table.lookup(bytes: UnsafeBufferPointer(rebasing: p[from..<to]))
            let text = id >= 0 ? table.strings[Int(id)] : string(p, from, to)
            let endings = Token.Ending.of(ascii: UnsafeBufferPointer(rebasing: p[from..<to]))
            return intern(text, text, id, kind, capitalized, table, endings)
        }
        let text = string(p, from, to)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { lowered in
            for k in 0..<count { let b = p[from + k]; lowered[k] = b &- 0x41 < 26 ? b | 0x20 : b }
            let id = table.lookup(bytes: UnsafeBufferPointer(lowered))
            let lower = id >= 0 ? table.strings[Int(id)] : String(decoding: lowered, as: UTF8.self)
            intern(text, lower, id, kind, capitalized, table, Token.Ending.of(ascii: UnsafeBufferPointer(lowered)))
        }
    }

    /// `table.intern(lower, isWord:)` with the id of `lower` looked up already.
    @inline(__always)
    private mutating func intern(_ text: String, _ lower: String, _ id: Int32, _ kind: Token.Kind, _ capitalized: Bool,
                                 _ table: WordTable, _ endings: Token.Ending) {
        guard id >= 0 else { return append(text, lower, lower, kind, capitalized, -1, -1, endings) }
        if kind != .word { return append(text, lower, lower, kind, capitalized, id, id, endings) }
        let lemma = table.lemmaID[Int(id)]
        append(text, lower, lemma == id ? lower : table.strings[Int(lemma)], kind, capitalized, id, lemma, endings)
    }

    @inline(__always)
    private mutating func append(_ text: String, _ lower: String, _ lemma: String, _ kind: Token.Kind, _ capitalized: Bool,
                                 _ lowerID: Int32, _ lemmaID: Int32, _ endings: Token.Ending) {
        assert(endings == Token.Ending.bySuffix(lower), "endings of \(lower)")
        tokens.append(Token(text: text, lower: lower, lemma: lemma, kind: kind, isCapitalized: capitalized, inQuote: inQuote,
                            lowerID: lowerID, lemmaID: lemmaID, endings: endings))
    }
}
