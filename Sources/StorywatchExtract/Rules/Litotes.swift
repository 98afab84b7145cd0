/// Phenomenon: a negated reluctance ("would not hesitate to use force", "will not shy away from
/// sanctions", "has no hesitation in…") is an emphatic commitment, not a refusal: the negation
/// cancels the reluctance, and the modal before it carries the status.
enum Litotes {
    /// The negation cue `start..<end` negates a reluctance word right after it.
    static func cancelsNegation(start: Int, end: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        (start..<min(tokens.count, end + 2)).contains { lex.isA(tokens[$0], WordClass.reluctance) || lex.lemmaIsA(tokens[$0], WordClass.reluctance) }
    }
}
