import StorywatchModel

/// Phenomenon: the parties of an act a cue verb governs ("urged the EC to support…", "demanded
/// the withdrawal of foreign troops"): the one who urges or demands is the source; the one
/// urged, the target.
enum CueVerbParties {
    /// The governed candidate `inner` takes the `speaker` of the cue verb `governor`, whose
    /// object is `addressee`.
    static func apply(_ inner: inout Candidate, speaker: Mention, governor: Trigger, addressee: Actor?, _ view: SentenceView, _ lex: Lexicon) {
        let tokens = view.tokens
        if let asked = ForClauseSubject.asked(governor: governor, act: inner.trigger, tokens, view.mentions, lex: lex),
           asked.actor.root != speaker.actor.root {
            // "pressed for Chile to lift…": the one named after "for" is the one asked.
            ask(&inner, speaker: speaker, target: asked.actor)
        } else if tokens[governor.end - 1].is(.for), let agent = inner.source, agent.start >= governor.end {
            // "pushing for a Council decision to impose an embargo": "for" asks for a
            // thing; who would do it stays the actor, and the one asking says so.
            inner.event.saidBy = speaker.actor
        } else if let addressee, inner.source?.actor.root == addressee.root {
            // "Sweden said Belarus must release…": the one who must is the one demanded of.
            ask(&inner, speaker: speaker, target: addressee)
        } else if inner.source.map({ $0.start >= governor.end || $0.end == 0 }) ?? true {
            let urged = view.mentions.first { m in
                m.start >= governor.end && m.start < inner.trigger.anchor && m.actor.root != speaker.actor.root
                    && !(m.start > 0 && lex.isA(tokens[m.start - 1], WordClass.phrasePreposition))
            }
            let own = inner.event.target.flatMap { $0.root == speaker.actor.root ? nil : $0 }
            ask(&inner, speaker: speaker, target: urged?.actor ?? own ?? addressee ?? inner.event.target)
        }
    }

    /// The speaker asks; `target` is the one asked.
    private static func ask(_ inner: inout Candidate, speaker: Mention, target: Actor?) {
        inner.event.source = speaker.actor
        inner.event.target = target
        inner.source = speaker
        inner.event.saidBy = nil
    }
}
