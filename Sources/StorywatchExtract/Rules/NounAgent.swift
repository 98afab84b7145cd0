import StorywatchModel

/// Phenomenon: an action noun's agent in a by-phrase ("attacks by Russian warplanes", "the
/// sanctions imposed by Norway"): the agent acts on the subject.
enum NounAgent {
    /// The agent after "by" right after the noun (or after a light verb there) as source.
    static func parties(_ s: PartyScope) -> SentenceReader.Parties? {
        let (t, tokens) = (s.trigger, s.tokens)
        let by = t.end < tokens.count && tokens[t.end].is(.by) ? t.end
            : t.end + 1 < tokens.count && tokens[t.end + 1].is(.by) && s.lex.lemmaIsA(tokens[t.end], WordClass.lightVerb) ? t.end + 1 : nil
        guard let by, let agent = s.after({ $0.start > by && $0.start <= by + 3 }) else { return nil }
        return SentenceReader.Parties(source: agent, target: s.subject)
    }
}
