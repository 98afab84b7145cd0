/// Phenomenon: a relative clause inside a phrase's gap ("ordered the envoys, who were accused of
/// spying, to leave", "will allow migrants who have lived abroad for years to return") is about
/// the noun before it: its words do not count toward the gap.
enum RelativeGap {
    /// The words after a relative pronoun passed over as its clause (news writes long ones: "who have
    /// lived in exile for more than a decade").
    static let clauseWords = 12

    /// What passing a word of `flags` adds to a gap; `relativeWords` counts down a relative clause's words.
    @inline(__always)
    static func cost(_ flags: UInt64, passing relativeWords: inout Int) -> Int {
        if flags & WordClass.relative != 0 {
            relativeWords = clauseWords
            return 0
        }
        if relativeWords > 0 {
            relativeWords -= 1
            return 0
        }
        return 1
    }

    /// "will allow refugees who have lived in Iraq for years to return": a party named inside a
    /// relative clause in the gap of `t` is about the noun before it; the object is that noun's
    /// party (nil when the noun names none).
    static func object(replacing target: Mention, of t: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Mention?? {
        guard target.start > t.anchor, t.tokens.contains(where: { $0 > target.start }),
              let r = (t.anchor + 1..<target.start).last(where: { lex.isA(tokens[$0], WordClass.relative) }) else { return .none }
        return .some(mentions.last { $0.start > t.anchor && $0.end <= r })
    }
}
