import StorywatchModel

/// Phenomenon: a ban told in the passive ("would not be allowed to use the port", "will be
/// barred from the summit"): its subject is restricted, by the agent after "by" or else by the
/// party who announces it (`Announcer`).
enum Prohibition {
    /// A restriction told in the passive: its parties are read here alone.
    static func applies(_ t: Trigger, _ tokens: [Token], lex: Lexicon) -> Bool {
        t.entry.type == .coerce && t.entry.mode == ActionMode.restrict.rawValue && !t.entry.nominal && isPassive(t, tokens, lex: lex)
    }

    /// The agent after "by", else the announcer, as source and the subject as target; nil when
    /// neither is named.
    static func parties(_ t: Trigger, _ view: SentenceView, lex: Lexicon) -> SentenceReader.Parties? {
        let (tokens, mentions) = (view.tokens, view.mentions)
        guard let subject = mentions.last(where: { $0.end <= t.anchor && t.anchor - $0.end <= 4 && !$0.isPlace }) else { return nil }
        if let by = PassiveAgent.byPhrase(after: t, tokens) {
            return mentions.party(after: by, tokens).map { SentenceReader.Parties(source: $0, target: subject) }
        }
        guard let speaker = Announcer.speaker(before: subject.start, view, lex: lex), speaker.actor.root != subject.actor.root else { return nil }
        return SentenceReader.Parties(source: speaker, target: subject)
    }

    /// The trigger ends in a participle with a form of "be" in it or right before it.
    private static func isPassive(_ t: Trigger, _ tokens: [Token], lex: Lexicon) -> Bool {
        let last = tokens[t.end - 1]
        guard last.ends(.ed) else { return false }
        return (max(0, t.anchor - 2)..<t.end - 1).contains { lex.isA(tokens[$0], WordClass.be) }
    }
}
