import StorywatchModel

/// Phenomenon: coordinated subjects ("Chile and Peru signed a truce", "Ghana and Togo vowed to
/// block the motion"). In a joint act (agreeing, meeting, a truce, cooperation) the subjects
/// are its two sides, the first the source and the next the target; any other act is done by
/// each of them: one event per subject.
enum CoordinatedSubjects {
    /// Acts two parties do together, with each other: of retreats only a truce ("Chile and Peru
    /// declared a ceasefire"); "France and Spain withdrew their support" is each one's own.
    static func isJoint(_ entry: ActionEntry) -> Bool {
        [.agree, .consult, .cooperate].contains(entry.type) || (entry.type == .retreat && entry.mode == ActionMode.ceasefire.rawValue)
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
