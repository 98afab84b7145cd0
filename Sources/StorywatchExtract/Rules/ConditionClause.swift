/// Phenomenon: an act in a clause of condition ("vowed to keep fighting until the junta
/// resigns", "unless Peru pays") is what another act waits on: when the sentence tells no act of
/// its own besides, the condition is no news either, nor is it vowed or threatened.
enum ConditionClause {
    /// Drops the candidates told inside a background clause that a condition word opens.
    static func drop(_ kept: inout [Int], _ s: SelectionScope) {
        kept.removeAll { isCondition(s.all[$0].trigger, background: s.background, s.tokens, s.lex) }
    }

    /// A sentence's only candidate, unless it is told in a clause of condition.
    static func alone(_ candidates: [Candidate], _ view: SentenceView, lex: Lexicon) -> Bool {
        guard let only = candidates.first, view.tokens.contains(where: { lex.isA($0, WordClass.conditionOpener) }) else { return true }
        let background = SubordinateClause.spans(candidates, view.tokens, cues: view.cues, lex)
        return !isCondition(only.trigger, background: background, view.tokens, lex)
    }

    private static func isCondition(_ trigger: Trigger, background: [Range<Int>], _ tokens: [Token], _ lex: Lexicon) -> Bool {
        background.contains { span in
            let opener = tokens[span.lowerBound]
            guard span.contains(trigger.anchor), lex.isA(opener, WordClass.conditionOpener) else { return false }
            if opener.is(.if) || opener.is(.unless) { return true }
            // "until the junta resigns" waits on it; "until rebels retook the town" tells when.
            let verb = tokens[trigger.anchor]
            return !trigger.entry.nominal && (verb.isLemma || (verb.ends(.s) && !verb.ends(.ed)))
        }
    }
}
