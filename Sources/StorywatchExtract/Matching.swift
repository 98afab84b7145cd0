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
        var i = start
        var e = 0
        let elements = pattern.elements
        while e < elements.count {
            switch elements[e] {
            case .word(let w):
                guard i < tokens.count, tokens[i].lemma == w || tokens[i].lower == w else { return nil }
                positions.append(i)
                i += 1
                e += 1
            case .gap:
                // Find the next literal within maxGap tokens, not crossing sentence punctuation.
                guard e + 1 < elements.count, case .word(let next) = elements[e + 1] else { return nil }
                var j = i
                var found: Int?
                while j < tokens.count && j - i <= maxGap {
                    if tokens[j].lemma == next || tokens[j].lower == next {
                        if let rest = match(Pattern(elements: Array(elements[(e + 1)...])), in: tokens, at: j, maxGap: maxGap) {
                            return (positions + rest.positions, rest.end)
                        }
                    }
                    if [";", ":", "."].contains(tokens[j].lower) { break }
                    j += 1
                }
                _ = found
                found = nil
                return nil
            }
        }
        return (positions, i)
    }

    /// Action triggers, longest first, never sharing a token.
    func findTriggers(_ tokens: [Token]) -> [Trigger] {
        var found: [Trigger] = []
        for i in tokens.indices where tokens[i].kind == .word {
            for entry in actions[tokens[i].lemma] ?? [] + (tokens[i].lemma == tokens[i].lower ? [] : actions[tokens[i].lower] ?? []) {
                let gap = entry.pattern.elements.last == .word("grata") ? 24 : 6
                if let m = match(entry.pattern, in: tokens, at: i, maxGap: gap) {
                    found.append(Trigger(anchor: i, end: m.end, entry: entry, tokens: Set(m.positions)))
                }
            }
        }
        // A word that is both verb and noun ("attacks", "sanctions") is a noun after a
        // determiner, a preposition or a possessive.
        let nounMarkers: Set = ["the", "a", "an", "in", "of", "by", "its", "their", "his", "her", "these", "those", "new",
                                "further", "'s", "any", "no", "such", "for", "after", "against", "with", "and", "more"]
        func prefersNoun(_ t: Trigger) -> Bool {
            t.anchor > 0 && (nounMarkers.contains(tokens[t.anchor - 1].lower) || tokens[t.anchor - 1].kind == .number
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
            for entry in cues[tokens[i].lemma] ?? [] + (tokens[i].lemma == tokens[i].lower ? [] : cues[tokens[i].lower] ?? []) {
                if let m = match(entry.pattern, in: tokens, at: i, maxGap: 5) {
                    found.append(Cue(start: i, end: m.end, kind: entry.kind))
                }
            }
        }
        return found.sorted { $0.start < $1.start }
    }
}
