import StorywatchModel

/// Phenomenon: a noun of moving one's own forces or goods names its agent in its "of" phrase
/// ("the withdrawal of Syrian troops from Lebanon", "the deployment of Kenyan peacekeepers in
/// Somalia"): whose forces move acts; the place they go to or leave is acted on.
enum OwnForces {
    /// The agent and, if named, the place of the nominal `trigger`, when its "of" phrase names them.
    static func parties(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> (source: Mention, target: Mention?)? {
        guard t.entry.nominal, isMovement(t.entry) else { return nil }
        let of = t.end < tokens.count && tokens[t.end].is(.of) ? t.end
            : t.anchor + 1 < tokens.count && tokens[t.anchor + 1].is(.of) ? t.anchor + 1 : nil
        guard let of, let agent = mentions.first(where: { m in
            m.start > of && m.start <= of + 3 && !m.isPlace && !m.isEdge && !m.isPerson && !isPlaced(m)
                && (of + 1..<m.start).allSatisfy { tokens[$0].kind == .word && !tokens[$0].isCapitalized }
        }) else { return nil }
        let place = mentions.first { m in
            guard m.start >= agent.end, m.start <= agent.end + 5, m.actor.root != agent.actor.root, !m.isEdge else { return false }
            let k = m.start > 1 && tokens[m.start - 1].is(.the) ? m.start - 2 : m.start - 1
            return k >= 0 && (lex.isA(tokens[k], WordClass.locative) || tokens[k].is(.to))
        }
        return (agent, place)
    }

    /// "refused to deploy peacekeepers in Haiti", "will send troops to Mali": forces named with
    /// their place inside the verb's phrase are no other party; their place is where they go.
    static func destination(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], source: Mention?, lex: Lexicon) -> Mention? {
        guard !t.entry.nominal, isMovement(t.entry) else { return nil }
        return mentions.first { m in
            t.tokens.contains(m.start) && m.actor.root != source?.actor.root
                && (m.start + 1..<m.end).contains { lex.isA(tokens[$0], WordClass.locative) || tokens[$0].is(.to) }
        }
    }

    /// "pulled its troops out of two towns in Mali", "are retreating from the hills they held in
    /// Kashmir": the ground a withdrawal leaves, named in the phrase that follows it before the
    /// clause ends, is acted on, not a party named later in the sentence.
    static func leftGround(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], source: Mention?, lex: Lexicon) -> Mention? {
        guard !t.entry.nominal, t.entry.type == .retreat, t.entry.mode == ActionMode.withdraw.rawValue,
              let from = (t.end..<min(tokens.count, t.end + 3)).first(where: { k in
                  tokens[k].is(.from) || (k == t.end && tokens[k].is(.of) && tokens[k - 1].is(.out))
              })
        else { return nil }
        let clauseEnd = (from + 1..<min(tokens.count, from + groundReach)).first { k in
            tokens[k].is(.comma) || lex.isA(tokens[k], WordClass.subordinator | WordClass.clauseStop)
        } ?? min(tokens.count, from + groundReach)
        return mentions.first { m in m.start > from && m.start < clauseEnd && m.actor.root != source?.actor.root && !m.isEdge }
    }

    /// How far the phrase of the ground reaches: a noun phrase with a nested place ("their last stronghold in Chad").
    private static let groundReach = 9

    /// Acts that move one's own: mobilising, aid, and withdrawing.
    private static func isMovement(_ entry: ActionEntry) -> Bool {
        entry.type == .mobilize || entry.type == .aid || (entry.type == .retreat && entry.mode == ActionMode.withdraw.rawValue)
    }

    /// A group placed only by the country named nearest: no agent of its own.
    private static func isPlaced(_ m: Mention) -> Bool {
        if case .placedByNearest = m.reason { return true }
        return false
    }
}
