/// Single words the extraction rules compare tokens with. The lexicon interns them first, in
/// this order, so a word's id is its raw value in every lexicon; a token's lower-case form is
/// the word exactly when its id is (`token.is(.to)` for `token.lower == "to"`), one compare of
/// integers where comparing strings is a call.
enum RuleWord: Int32, CaseIterable {
    case comma, semicolon, colon, period, possessive
    case to, the, a, an, and, or, but, of, `in`, from, by, on, upon, at, under, `for`, over, about, against, out
    case that, unless, `if`, must, back, ethnic, custody, rule, us, i, my, board, `as`, wake, protest, with, targeting
    case part, welcome, say, add, according, had
    case ago, later, after, following, each, other, another, year, last, yesterday, between, give, without, call, engage

    /// The word as written in the rules.
    var text: String {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .colon: ":"
        case .period: "."
        case .possessive: "'s"
        default: String(describing: self)
        }
    }
}

extension Token {
    /// The token's lower-case form is `word` (`lower == word.text`).
    @inline(__always) func `is`(_ word: RuleWord) -> Bool { lowerID == word.rawValue }

    /// The token's lemma is `word` (`lemma == word.text`).
    @inline(__always) func lemmaIs(_ word: RuleWord) -> Bool { lemmaID == word.rawValue }

    /// The token is its own lemma (`lower == lemma`): ids name words exactly, and a word no
    /// dictionary names is its own lemma.
    @inline(__always) var isLemma: Bool { lowerID == lemmaID }
}
