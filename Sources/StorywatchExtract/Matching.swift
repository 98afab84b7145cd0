import StorywatchModel

/// An actor found in a sentence, with the token span that named it.
struct Mention: Sendable {
    var start: Int
    var end: Int // exclusive
    var actor: Actor
    var isPerson: Bool
    /// Why it was read so: text for `explain` (`evidence(_:)`).
    var reason: MentionReason
    /// A city or region of the gazetteer: it tells where, and acts for no one.
    var isPlace = false
    /// A country named for its edge ("near the Angolan border"): where something happened, never a party to it.
    var isEdge = false

    /// "at the embassy in Lima", "under fire over the deal": a name within two words after a
    /// preposition is inside a phrase, no subject or speaker.
    func isInPhrase(_ tokens: [Token], lex: Lexicon) -> Bool {
        (Swift.max(0, start - 2)..<start).contains { lex.isA(tokens[$0], WordClass.preposition) }
    }

    /// The token before the noun phrase the mention ends ("expelled [two] Kenyan envoys",
    /// "holds [the] Bolivian sailors"): past determiners and figures; nil at the sentence's start.
    func wordBefore(_ tokens: [Token], lex: Lexicon) -> Int? {
        var k = start - 1
        while k >= 0, lex.isA(tokens[k], WordClass.determiner) || lex.isFigure(tokens[k]) { k -= 1 }
        return k >= 0 ? k : nil
    }

    /// A verb of saying follows the name ("X said", "X warned").
    func says(_ tokens: [Token], lex: Lexicon) -> Bool {
        end < tokens.count && (tokens[end].lemmaIs(.say) || lex.lemmaIsA(tokens[end], WordClass.warnVerb))
    }
}

extension [Mention] {
    /// The party of "X said", "said X", "X warned", the last one named; `other` is passed over
    /// ("Peru said Chile's offer…": the owner of the offer follows the verb, not the speaker).
    func speaker(_ tokens: [Token], lex: Lexicon, besides other: Mention? = nil) -> Mention? {
        for m in reversed() where m.start != other?.start {
            if m.says(tokens, lex: lex) { return m }
            if m.start > 0, tokens[m.start - 1].lemmaIs(.say) { return m }
        }
        return nil
    }

    /// The party named right after token `k`, "the" passed over ("between the cabinet and…",
    /// "criticism from Chile", "claimed by the rebels"); places name no party.
    func party(after k: Int, _ tokens: [Token]) -> Mention? {
        let start = k + 1 < tokens.count && tokens[k + 1].is(.the) ? k + 2 : k + 1
        return first { $0.start == start && !$0.isPlace }
    }
}

/// An action word or phrase found in a sentence.
struct Trigger: Sendable {
    var anchor: Int
    var end: Int // exclusive, last literal token + 1
    var entry: ActionEntry
    var tokens: TokenPositions
}

/// A cue found in a sentence.
struct Cue: Sendable {
    var start: Int
    var end: Int
    var kind: CueKind
}

/// The positions a pattern's literals matched, in a buffer on the stack: a match attempt
/// (most fail) allocates nothing. Positions ascend, so a sentence's token count bounds them.
struct PositionBuffer {
    private let storage: ScratchBuffer<Int>
    var count = 0

    static func with<R>(capacity: Int, _ body: (inout PositionBuffer) -> R) -> R {
        withScratch(count: capacity, initial: 0) { storage in
            var buffer = PositionBuffer(storage: storage)
            return body(&buffer)
        }
    }

    private init(storage: ScratchBuffer<Int>) { self.storage = storage }

    mutating func append(_ position: Int) {
        storage[count] = position
        count += 1
    }

    var tokenPositions: TokenPositions { TokenPositions(storage.prefix(count)) }
}

extension Lexicon {
    /// Matches the pattern's elements (word ids, `WordTable.patternWords`) from `e` at `start`,
    /// appending the literal positions; returns the end, or nil (then `positions` is as it was).
    func match(_ ids: BufferView<Int32>, from e0: Int, in tokens: [Token], at start: Int, maxGap: Int,
               positions: inout PositionBuffer) -> Int? {
        let mark = positions.count
        var i = start
        var e = e0
        while e < ids.count {
            let w = ids[e]
            if w != Pattern.gapID {
                guard i < tokens.count, tokens[i].lemmaID == w || tokens[i].lowerID == w else {
                    positions.count = mark
                    return nil
                }
                positions.append(i)
                i += 1
                e += 1
            } else {
                // Find the next literal within maxGap tokens, not crossing sentence punctuation.
                guard e + 1 < ids.count, ids[e + 1] != Pattern.gapID else {
                    positions.count = mark
                    return nil
                }
                let next = ids[e + 1]
                var j = i
                var gap = 0 // words passed over: an apposition's commas do not count
                var relativeWords = 0 // nor a relative clause's words (`RelativeGap`)
                while j < tokens.count && gap <= maxGap {
                    if tokens[j].lemmaID == next || tokens[j].lowerID == next {
                        if let end = match(ids, from: e + 1, in: tokens, at: j, maxGap: maxGap, positions: &positions) {
                            return end
                        }
                    }
                    if flags(tokens[j]) & WordClass.clauseStop != 0 { break }
                    if tokens[j].kind != .punct { gap += RelativeGap.cost(flags(tokens[j]), passing: &relativeWords) }
                    j += 1
                }
                positions.count = mark
                return nil
            }
        }
        return i
    }

    /// The id under which the entries of a kind (`WordTable.hasActions`, `hasCues`) are listed
    /// for token `t`: its lemma's, else its lower-case form's (-1: none).
    @inline(__always)
    private func entryID(_ kind: UInt8, _ t: Token) -> Int {
        if t.lemmaKinds & kind != 0 { return Int(t.lemmaID) }
        if t.lemmaID == t.lowerID { return -1 }
        return t.kinds & kind != 0 ? Int(t.lowerID) : -1
    }

    /// Every pattern of a flat table (`spans`, listed under their first word by `starts`, with
    /// `kind` their bit of `WordInfo.kinds`) that matches at a word of `tokens`, word by word:
    /// `found(k, at, end, positions)` with the pattern's position in the table.
    /// One buffer on the stack for every attempt: most attempts fail, and need no array of their
    /// own. The patterns are read as plain values: the loop counts no references.
    private func forEachMatch(in tokens: [Token], kind: UInt8, spans: [PatternSpan], starts: [Int32],
                              _ found: (_ k: Int, _ at: Int, _ end: Int, _ positions: PositionBuffer) -> Void) {
        PositionBuffer.with(capacity: tokens.count) { positions in
            table.patternWords.withView { words in
                spans.withView { spans in
                    for i in tokens.indices where tokens[i].kind == .word {
                        let id = entryID(kind, tokens[i])
                        guard id >= 0 else { continue }
                        for k in Int(starts[id])..<Int(starts[id + 1]) {
                            let span = spans[k]
                            let ids = words.extracting(Int(span.idsStart)..<Int(span.idsStart + span.count))
                            positions.count = 0
                            if let end = match(ids, from: 0, in: tokens, at: i, maxGap: Int(span.maxGap), positions: &positions) {
                                found(k, i, end, positions)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Action triggers, longest first, never sharing a token.
    func findTriggers(_ tokens: [Token]) -> [Trigger] {
        var found: [Trigger] = []
        let table = table
        // Only a pattern that matched fetches its entry.
        forEachMatch(in: tokens, kind: WordTable.hasActions, spans: table.actionSpans,
                     starts: table.actionStarts) { k, at, end, positions in
            let entry = table.actionEntries[k]
            // "a deal was struck": a verb's past form is never the noun a nominal entry names.
            if entry.nominal, tokens[at].isPastInflection { return }
            if found.isEmpty { found.reserveCapacity(8) } // one allocation, not one per doubling
            found.append(Trigger(anchor: at, end: end, entry: entry, tokens: positions.tokenPositions))
        }
        // One trigger (the common case) shares no token with another: nothing to choose. Nor do
        // several that share none (found word by word, so already in order of their anchors).
        guard found.count > 1, Self.overlap(found, tokenCount: tokens.count) else { return found }
        return longestFirst(found, tokens)
    }

    /// "planned for May": a capitalised month name inside a sentence, its first letter alone in
    /// capitals, is the month, never a modal cue.
    private func isMonthName(_ tokens: [Token], _ at: Int) -> Bool {
        let word = tokens[at]
        guard at > 0, word.isCapitalized, namesMonth(word) else { return false }
        return word.text.utf8.dropFirst().allSatisfy { $0 < 0x41 || $0 > 0x5A }
    }

    /// Of triggers that share tokens, those kept: longest first, then leftmost, then the reading
    /// the context prefers; in order of their anchors.
    private func longestFirst(_ found: [Trigger], _ tokens: [Token]) -> [Trigger] {
        let keys = found.map { t in
            (literals: t.entry.pattern.literalCount, anchor: t.anchor, nominal: t.entry.nominal, prefersNoun: prefersNoun(t, tokens))
        }
        // Positions are sorted rather than the triggers, which are large to move.
        var order = Array(found.indices)
        order.sort { x, y in
            let a = keys[x], b = keys[y]
            if a.literals != b.literals { return a.literals > b.literals }
            if a.anchor != b.anchor { return a.anchor < b.anchor }
            if a.nominal != b.nominal { return a.nominal == a.prefersNoun }
            return false
        }
        var kept: [Trigger] = []
        kept.reserveCapacity(found.count)
        withScratch(count: tokens.count, initial: false) { used in
            for k in order where found[k].tokens.allSatisfy({ !used[$0] }) {
                kept.append(found[k])
                for position in found[k].tokens { used[position] = true }
            }
        }
        kept.sort { $0.anchor < $1.anchor }
        return kept
    }

    /// A word that is both verb and noun ("attacks", "sanctions") is a noun after a determiner,
    /// a preposition or a possessive.
    private func prefersNoun(_ t: Trigger, _ tokens: [Token]) -> Bool {
        // "demanded", "attacked": a past form is a verb.
        let word = tokens[t.anchor]
        if word.ends(.ed), !word.isLemma { return false }
        // "to demand the resignation": a base form after "to" is a verb.
        if t.anchor > 0, tokens[t.anchor - 1].is(.to), word.isLemma { return false }
        // "a surprise visit", "the first attacks".
        if t.anchor > 1, tokens[t.anchor - 2].is(.a) || tokens[t.anchor - 2].is(.an) || tokens[t.anchor - 2].is(.the),
           tokens[t.anchor - 1].kind == .word, !word.ends(.ing) { return true }
        // "in Chadian artillery shelling": a gerund after a noun or adjective names the act.
        if word.ends(.ing), t.anchor > 0, tokens[t.anchor - 1].kind == .word,
           !(t.anchor + 1 < tokens.count && isA(tokens[t.anchor + 1], WordClass.gerundObjectStart)),
           !isA(tokens[t.anchor - 1], WordClass.gerundVerbPrevious),
           !tokens[t.anchor - 1].ends(.ing), !tokens[t.anchor - 1].ends(.ed) { return true }
        return t.anchor > 0 && (flags(tokens[t.anchor - 1]) & WordClass.nounMarker != 0 || tokens[t.anchor - 1].kind == .number
            || tokens[t.anchor - 1].isCapitalized && t.anchor > 1)
    }

    /// Whether two of the triggers share a token.
    private static func overlap(_ triggers: [Trigger], tokenCount: Int) -> Bool {
        withScratch(count: tokenCount, initial: false) { used in
            for t in triggers.indices {
                for position in triggers[t].tokens {
                    if used[position] { return true }
                    used[position] = true
                }
            }
            return false
        }
    }

    func findCues(_ tokens: [Token]) -> [Cue] {
        var found: [Cue] = []
        let table = table
        forEachMatch(in: tokens, kind: WordTable.hasCues, spans: table.cueSpans, starts: table.cueStarts) { k, at, end, _ in
            if isMonthName(tokens, at) { return }
            if found.isEmpty { found.reserveCapacity(8) }
            found.append(Cue(start: at, end: end, kind: table.cueKinds[k]))
        }
        // Found token by token: already in order of their start.
        return found
    }
}
