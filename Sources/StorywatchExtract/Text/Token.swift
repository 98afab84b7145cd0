/// A word, number or punctuation mark of a sentence.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var text: String
    var lower: String
    var lemma: String
    var kind: Kind
    /// First character is an uppercase letter.
    var isCapitalized: Bool
    /// Inside a double-quoted passage.
    var inQuote: Bool
    /// Interned ids of `lower` and `lemma` in the lexicon that tokenized the text (-1: unknown).
    var lowerID: Int32 = -1
    var lemmaID: Int32 = -1
}
