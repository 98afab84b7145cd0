import StorywatchModel

/// Phenomenon: a plan judged unacceptable ("Chile's proposal was unacceptable, Peru said"; "the
/// Bolivian demands are still untenable, an official said"): a predicate of rejection on a plan
/// is a rejection by the one who says so, of the plan's owner. The plan itself is no act of the
/// sentence. With no speaker, or the speaker's own plan, it is no rejection of another party.
struct JudgedUnacceptable {
    let lex: Lexicon

    struct Rejection {
        var speaker: Mention
        /// The party whose plan it is, named in the plan's noun phrase.
        var owner: Mention
        /// The plan's noun.
        var head: Int
        /// The words of judgement, for `explain`.
        var cue: Cue
    }

    /// How many words a noun phrase runs before its noun ("Chile's new fisheries proposal").
    static let phraseReach = 4

    /// `isAct(k)`: an act of the sentence stands at `k`; one right before the copula is the
    /// subject's noun ("the offer is untenable").
    func rejection(_ tokens: [Token], mentions: [Mention], cues: [Cue], isAct: (Int) -> Bool) -> Rejection? {
        guard let cue = cues.first(where: { $0.kind == .judged }), let be = copula(before: cue.start, tokens), be > 0,
              case let head = be - 1, PolicyStance(lex: lex).isPolicy(tokens[head]) || isAct(head) else { return nil }
        guard let owner = mentions.last(where: { $0.end <= head && $0.start >= head - Self.phraseReach && !$0.isPlace }),
              !(owner.end..<head).contains(where: { k in
                  !tokens[k].is(.possessive) && (tokens[k].kind == .punct || lex.isA(tokens[k], WordClass.preposition))
              }),
              let speaker = mentions.speaker(tokens, lex: lex, besides: owner), speaker.actor.root != owner.actor.root
        else { return nil }
        return Rejection(speaker: speaker, owner: owner, head: head, cue: cue)
    }

    /// A form of be right before the judgement, one adverb allowed between ("is still untenable").
    private func copula(before k: Int, _ tokens: [Token]) -> Int? {
        (max(0, k - 2)..<k).last { lex.isA(tokens[$0], WordClass.be) }
    }
}
