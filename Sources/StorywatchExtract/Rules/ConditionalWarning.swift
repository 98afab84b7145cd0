import StorywatchModel

/// Phenomenon: a conditional warning of harm to relations ("if Norway goes ahead, it will
/// damage relations with China, a Chinese spokesman said"; "ties would suffer unless Oslo drops
/// the motion") is a threat by the speaker against the party whose act is the condition. The
/// speaker is who said it, else the party the relations are "with" no one but the condition's
/// subject; the harm must be future or conditional (a modal before it), so a past harm told
/// ("the row damaged relations") is no threat.
struct ConditionalWarning {
    let lex: Lexicon

    struct Warning {
        var speaker: Mention
        var target: Mention
        /// Where the harm words are, for `explain`.
        var harm: Cue
    }

    func warning(_ tokens: [Token], mentions: [Mention]) -> Warning? {
        guard let condition = tokens.indices.first(where: { tokens[$0].is(.if) || tokens[$0].is(.unless) }),
              let harm = harmToRelations(tokens),
              let target = mentions.first(where: { $0.start > condition && $0.start <= condition + 4 })
        else { return nil }
        let speaker = mentions.speaker(tokens, lex: lex) ?? mentions.first { m in
            m.start > 0 && tokens[m.start - 1].is(.with) && m.actor.root != target.actor.root
        }
        guard let speaker, speaker.actor.root != target.actor.root else { return nil }
        return Warning(speaker: speaker, target: target, harm: harm)
    }

    /// A harm verb (by lemma) with relations up to five words before or three after it, and a modal up to three words before it.
    private func harmToRelations(_ tokens: [Token]) -> Cue? {
        for k in tokens.indices where lex.lemmaIsA(tokens[k], WordClass.harmVerb) {
            let modal = (max(0, k - 3)..<k).contains { lex.isA(tokens[$0], WordClass.modal) }
            let near = (max(0, k - 5)..<min(tokens.count, k + 4)).contains { lex.isA(tokens[$0], WordClass.tiesNoun) }
            if modal, near { return Cue(start: k, end: k + 1, kind: .threatened) }
        }
        return nil
    }
}
