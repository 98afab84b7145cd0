import StorywatchModel

/// Phenomenon: an act named by a noun that opens the sentence, whose verb is a modal of
/// possibility ("An end to the raids could backfire"; "Sanctions on Peru may hurt Chile"), is
/// weighed, not reported: the sentence judges a possibility.
enum HypotheticalSubject {
    /// The nominal trigger stands in the sentence's opening noun phrase and a considering modal follows it.
    static func applies(_ trigger: Trigger, _ tokens: [Token], cues: [Cue], lex: Lexicon) -> Bool {
        guard trigger.entry.nominal, trigger.anchor <= 6 else { return false }
        return cues.contains { c in
            c.kind == .considered && c.start >= trigger.end && c.start - trigger.end <= 6
                && lex.isA(tokens[c.start], WordClass.modal)
                && !(trigger.end..<c.start).contains { tokens[$0].is(.comma) || lex.isA(tokens[$0], WordClass.auxiliary) }
        }
    }
}
