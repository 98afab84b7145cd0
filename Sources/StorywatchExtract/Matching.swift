import StorywatchModel

/// An actor found in a sentence, with the token span that named it.
struct Mention: Sendable {
    var start: Int
    var end: Int // exclusive
    var actor: Actor
    var isPerson: Bool
    var evidence: String
}

/// An action word or phrase found in a sentence.
struct Trigger: Sendable {
    var anchor: Int
    var end: Int // exclusive, last literal token + 1
    var entry: ActionEntry
    var tokens: Set<Int>
}

/// A cue found in a sentence.
struct Cue: Sendable {
    var start: Int
    var end: Int
    var kind: CueKind
}

extension Lexicon {
    /// Matches `pattern` at `start`; returns the literal positions and the end, or nil.
    func match(_ pattern: Pattern, in tokens: [Token], at start: Int, maxGap: Int = 6) -> (positions: [Int], end: Int)? {
        var positions: [Int] = []
        positions.reserveCapacity(pattern.ids.count)
        guard let end = match(pattern.ids, from: 0, in: tokens, at: start, maxGap: maxGap, positions: &positions) else { return nil }
        return (positions, end)
    }

    /// Matches the pattern's elements from `e` at `start`, appending the literal positions;
    /// returns the end, or nil (then `positions` is as it was).
    private func match(_ ids: [Int32], from e0: Int, in tokens: [Token], at start: Int, maxGap: Int,
                       positions: inout [Int]) -> Int? {
        let mark = positions.count
        var i = start
        var e = e0
        while e < ids.count {
            let w = ids[e]
            if w != Pattern.gapID {
                guard i < tokens.count, tokens[i].lemmaID == w || tokens[i].lowerID == w else {
                    positions.removeSubrange(mark...)
                    return nil
                }
                positions.append(i)
                i += 1
                e += 1
            } else {
                // Find the next literal within maxGap tokens, not crossing sentence punctuation.
                guard e + 1 < ids.count, ids[e + 1] != Pattern.gapID else {
                    positions.removeSubrange(mark...)
                    return nil
                }
                let next = ids[e + 1]
                var j = i
                while j < tokens.count && j - i <= maxGap {
                    if tokens[j].lemmaID == next || tokens[j].lowerID == next {
                        if let end = match(ids, from: e + 1, in: tokens, at: j, maxGap: maxGap, positions: &positions) {
                            return end
                        }
                    }
                    if flags(tokens[j]) & WordClass.clauseStop != 0 { break }
                    j += 1
                }
                positions.removeSubrange(mark...)
                return nil
            }
        }
        return i
    }

    /// The entries of `table` for a token: by its lemma, else by its lower-case form.
    @inline(__always)
    private func entries<E>(_ table: [[E]], _ t: Token) -> [E] {
        if t.lemmaID >= 0, !table[Int(t.lemmaID)].isEmpty { return table[Int(t.lemmaID)] }
        if t.lemmaID == t.lowerID || t.lowerID < 0 { return [] }
        return table[Int(t.lowerID)]
    }

    /// Action triggers, longest first, never sharing a token.
    func findTriggers(_ tokens: [Token]) -> [Trigger] {
        var found: [Trigger] = []
        for i in tokens.indices where tokens[i].kind == .word {
            for entry in entries(table.actionsByID, tokens[i]) {
                if let m = match(entry.pattern, in: tokens, at: i, maxGap: entry.maxGap) {
                    found.append(Trigger(anchor: i, end: m.end, entry: entry, tokens: Set(m.positions)))
                }
            }
        }
        // A word that is both verb and noun ("attacks", "sanctions") is a noun after a
        // determiner, a preposition or a possessive.
        func prefersNoun(_ t: Trigger) -> Bool {
            // "demanded", "attacked": a past form is a verb.
            let word = tokens[t.anchor]
            if word.lower.hasSuffix("ed"), word.lower != word.lemma { return false }
            // "to demand the resignation": a base form after "to" is a verb.
            if t.anchor > 0, tokens[t.anchor - 1].lower == "to", word.lower == word.lemma { return false }
            // "a surprise visit", "the first attacks".
            if t.anchor > 1, ["a", "an", "the"].contains(tokens[t.anchor - 2].lower), tokens[t.anchor - 1].kind == .word,
               !word.lower.hasSuffix("ing") { return true }
            // "in Israeli tank shelling": a gerund after a noun or adjective names the act.
            let next = t.anchor + 1 < tokens.count ? tokens[t.anchor + 1].lower : "."
            if word.lower.hasSuffix("ing"), t.anchor > 0, tokens[t.anchor - 1].kind == .word,
               !["that", "the", "a", "an", "his", "her", "its", "their"].contains(next),
               !["is", "are", "was", "were", "be", "been", "to", "and", "or", "by", "of", "for", "without", "after", "before"].contains(tokens[t.anchor - 1].lower),
               !tokens[t.anchor - 1].lower.hasSuffix("ing"), !tokens[t.anchor - 1].lower.hasSuffix("ed") { return true }
            return t.anchor > 0 && (flags(tokens[t.anchor - 1]) & WordClass.nounMarker != 0 || tokens[t.anchor - 1].kind == .number
                || tokens[t.anchor - 1].isCapitalized && t.anchor > 1)
        }
        found.sort { a, b in
            if a.entry.pattern.literalCount != b.entry.pattern.literalCount {
                return a.entry.pattern.literalCount > b.entry.pattern.literalCount
            }
            if a.anchor != b.anchor { return a.anchor < b.anchor }
            if a.entry.nominal != b.entry.nominal { return a.entry.nominal == prefersNoun(a) }
            return false
        }
        var used = Set<Int>()
        var kept: [Trigger] = []
        for t in found where used.isDisjoint(with: t.tokens) {
            kept.append(t)
            used.formUnion(t.tokens)
        }
        return kept.sorted { $0.anchor < $1.anchor }
    }

    func findCues(_ tokens: [Token]) -> [Cue] {
        var found: [Cue] = []
        for i in tokens.indices where tokens[i].kind == .word {
            for entry in entries(table.cuesByID, tokens[i]) {
                if let m = match(entry.pattern, in: tokens, at: i, maxGap: 5) {
                    found.append(Cue(start: i, end: m.end, kind: entry.kind))
                }
            }
        }
        return found.sorted { $0.start < $1.start }
    }
}
