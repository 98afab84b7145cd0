import StorywatchModel

/// Phenomenon: coordinated subjects ("Chile and Peru signed a truce", "Ghana and Togo vowed to
/// block the motion"). In a joint act (agreeing, meeting, a truce, cooperation) the subjects
/// are its two sides, the first the source and the next the target; any other act is done by
/// each of them: one event per subject.
enum CoordinatedSubjects {
    /// "The US, Russia and Switzerland met": the first of joined subjects leads; a joint act
    /// ("Kyrgyzstan and Tajikistan agreed a ceasefire") has the next one as partner, and all of
    /// them as its parties when more than two; in any other act the others act each on their own.
    static func readBack(_ p: inout SentenceReader.Parties, _ s: PartyScope) {
        // (Most parties stand alone: found so without building a list.)
        guard let source = p.source, conjunct(before: source, s) != nil else { return }
        let joined = conjuncts(ending: source, s)
        guard joined.count > 1, !isObjectOfVerb(joined[0], s) else { return }
        let entry = s.trigger.entry
        p.source = joined[0]
        // "Chile and Peru expelled each other's diplomats", "Chilean and Peruvian troops
        // clashed": each acts on the other.
        if joined.count == 2, joined[1].actor.root != joined[0].actor.root, actsOnEachOther(s) || isMutualForce(s) {
            (p.target, p.joint) = (joined[1], joined)
            return
        }
        if isJoint(entry) || isQuarrel(s) || isSignedCompact(s), joined[1].actor.root != joined[0].actor.root,
           p.target == nil || p.target?.actor.root == joined[0].actor.root || !entry.nominal {
            p.target = joined[1]
            if joined.count > 2 { p.joint = joined }
        } else if isEachSubjects(entry) {
            p.coSubjects = others(joined, target: p.target, s.tokens, lex: s.lex)
        }
    }

    /// "Kenya expelled two envoys and Uganda answered…": a party right after a verb of action
    /// (past determiners and figures) is that verb's object, so the "and" after it opens a clause.
    private static func isObjectOfVerb(_ first: Mention, _ s: PartyScope) -> Bool {
        guard let k = first.wordBefore(s.tokens, lex: s.lex) else { return false }
        return s.tokens[k].kind == .word && !s.tokens[k].isCapitalized && s.tokens[k].lemmaKinds & WordTable.hasActions != 0
    }

    /// "each other" or "one another" right after the act, as its object or its owner.
    private static func actsOnEachOther(_ s: PartyScope) -> Bool {
        let (tokens, t) = (s.tokens, s.trigger)
        return (t.anchor + 1..<max(t.anchor + 1, min(tokens.count - 1, t.end + 2))).contains { k in
            (tokens[k].is(.each) && tokens[k + 1].is(.other)) || (s.lex.isFigure(tokens[k]) && tokens[k + 1].is(.another))
        }
    }

    /// The mentions joined with `last` by "and" or commas ("A, B, and C"), in order.
    private static func conjuncts(ending last: Mention, _ s: PartyScope) -> [Mention] {
        var list = [last]
        while let first = list.first, let previous = conjunct(before: first, s) {
            list.insert(previous, at: 0)
        }
        return list
    }

    /// The mention joined before `first` by "and" or a comma, if any.
    private static func conjunct(before first: Mention, _ s: PartyScope) -> Mention? {
        let tokens = s.tokens
        var k = first.start - 1
        if k >= 1, tokens[k].is(.the) { k -= 1 } // "Brazil and the United States"
        guard k >= 1, tokens[k].is(.and) || tokens[k].is(.comma) else { return nil }
        if tokens[k].is(.and), tokens[k - 1].is(.comma) { k -= 1 }
        guard let previous = s.mentions.last(where: { $0.end == k }), !previous.isPerson || first.isPerson else { return nil }
        // "Kenya expelled two envoys, and Uganda…": a comma before "and" joins clauses, unless it
        // closes a list of three or more ("Estonia, Latvia, and Lithuania").
        if tokens[k].is(.comma), k + 1 < first.start, tokens[k + 1].is(.and),
           !(previous.start >= 1 && tokens[previous.start - 1].is(.comma)) { return nil }
        // "In Lima, Chile expelled…": a place phrase before a comma is the scene, not a party.
        if tokens[k].is(.comma), previous.start > 0, s.lex.isA(tokens[previous.start - 1], WordClass.placePreposition) { return nil }
        return previous
    }

    /// Acts two parties do together, with each other: of retreats only a truce ("Chile and Peru
    /// declared a ceasefire"); "France and Spain withdrew their support" is each one's own.
    static func isJoint(_ entry: ActionEntry) -> Bool {
        [.agree, .consult, .cooperate].contains(entry.type) || (entry.type == .retreat && entry.mode == ActionMode.ceasefire.rawValue)
    }

    /// A quarrel ("are at odds", "their dispute") is between its subjects, as a joint act is.
    static func isQuarrel(_ s: PartyScope) -> Bool {
        (s.trigger.anchor..<s.trigger.end).contains { s.lex.lemmaIsA(s.tokens[$0], WordClass.reciprocal) }
    }

    /// Force whose verb is a quarrel's ("troops clashed", "they fought on"): done by each side to the other.
    static func isMutualForce(_ s: PartyScope) -> Bool {
        s.trigger.entry.type == .assault && !s.trigger.entry.nominal && isQuarrel(s)
    }

    /// Support given by signing a compact ("Chile and Peru signed a border treaty") is given to
    /// each other, as an agreement is; the one sign of it is the compact named in the act's words.
    static func isSignedCompact(_ s: PartyScope) -> Bool {
        s.trigger.entry.type == .support && !s.trigger.entry.nominal
            && s.trigger.tokens.contains { s.lex.lemmaIsA(s.tokens[$0], WordClass.compact) }
    }

    /// Acts each subject does on its own; not support ("signed", "backed"), which with joined
    /// subjects is most often their joint text.
    static func isEachSubjects(_ entry: ActionEntry) -> Bool {
        !isJoint(entry) && entry.type != .support
    }

    /// The subjects after the first who each do a non-joint act too: parties of another root
    /// than the first and the target, joined by "and" (a comma alone may close an opening phrase,
    /// "In Lima, Chile said…"), none of them a place or the object of a preposition.
    static func others(_ joined: [Mention], target: Mention?, _ tokens: [Token], lex: Lexicon) -> [Mention] {
        guard joined.count > 1, let first = joined.first,
              (first.end..<joined[joined.count - 1].start).contains(where: { tokens[$0].is(.and) }),
              !joined.contains(where: { m in m.isPlace || (m.start > 0 && lex.isA(tokens[m.start - 1], WordClass.placePreposition)) })
        else { return [] }
        var roots = [first.actor.root] + (target.map { [$0.actor.root] } ?? [])
        var result: [Mention] = []
        for m in joined.dropFirst() where !roots.contains(m.actor.root) {
            roots.append(m.actor.root)
            result.append(m)
        }
        return result
    }
}
