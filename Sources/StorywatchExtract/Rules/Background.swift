import StorywatchModel

/// Phenomenon: a sentence that recounts what came before the document's news (design §2,
/// Background). The past perfect outside reported speech ("Both sides had signed a truce in
/// May") and an act dated more than a year before its item ("in 1999", "decades ago") tell
/// history: they update a storyline but raise nothing. So does an act given as the reason for
/// another ("praised the envoy for brokering the truce", "thanked the mediators for clinching a
/// deal"): a gerund after "for" presupposes it. So does a sentence that goes back to a moment
/// already told ("warned at the time that…").
enum Background {
    /// Days before the item's date past which a dated act is history.
    static let historyDays = 366

    /// `namesPastYear`: the sentence's own (`namesPastYear(_:itemDate:lex:)`), read once a sentence.
    static func isRecounted(_ trigger: Trigger, _ tokens: [Token], cues: [Cue], date: Day?, itemDate: Day?,
                            namesPastYear: Bool, lex: Lexicon) -> Bool {
        if let date, let itemDate, itemDate.ordinal - date.ordinal > historyDays { return true }
        if namesPastYear { return true }
        if isReason(trigger, tokens, cues: cues) { return true }
        // "…warned at the time that…": back to a moment the text has told already.
        if cues.contains(where: { $0.kind == .recap }) { return true }
        if !trigger.entry.nominal, isInAsideRelative(trigger.anchor, tokens, lex: lex) { return true }
        // "…said the army had shelled the town", "admitted that police had fired": a report, an
        // admission or a denial backshifts the news itself.
        if cues.contains(where: { [.report, .admitted, .denied].contains($0.kind) && $0.start < trigger.anchor }) { return false }
        return (max(0, trigger.anchor - 3)..<trigger.anchor).contains { tokens[$0].is(.had) }
            && !trigger.entry.nominal && !tokens[trigger.anchor].isLemma
    }

    /// ", which last spring abandoned plans…", ", who led the talks": a relative clause set off
    /// by a comma describes the party before it; a past act told there is that party's history.
    static func isInAsideRelative(_ verb: Int, _ tokens: [Token], lex: Lexicon) -> Bool {
        guard tokens[verb].isPastInflection else { return false }
        var k = verb - 1
        while k >= 1, verb - k <= 5, !lex.isA(tokens[k], WordClass.clauseEnd) {
            if lex.isA(tokens[k], WordClass.relative) { return tokens[k - 1].is(.comma) }
            k -= 1
        }
        return false
    }

    /// A gerund right after "for" that is no part of a stance cue ("called for ending the blockade" asks for it).
    static func isReason(_ trigger: Trigger, _ tokens: [Token], cues: [Cue]) -> Bool {
        let k = trigger.anchor - 1
        guard k >= 0, tokens[k].is(.for), tokens[trigger.anchor].ends(.ing) else { return false }
        return !cues.contains { $0.start <= k && k < $0.end }
    }

    /// "in 1998", "during 2011", "a May, 2009, decree": a year over a year before the item's,
    /// after "in", a temporal word or a month (a bare year names no day, so the date rules leave it).
    static func namesPastYear(_ tokens: [Token], itemDate: Day?, lex: Lexicon) -> Bool {
        guard let year = itemDate.map({ $0.year - 1 }) else { return false }
        return tokens.indices.contains { k in
            guard k > 0, tokens[k].kind == .number, tokens[k].text.utf8.count == 4, let y = Int(tokens[k].text) else { return false }
            let month = tokens[k - 1].is(.comma) && k > 1 ? k - 2 : k - 1
            return y >= 1900 && y < year
                && (tokens[k - 1].is(.in) || lex.isA(tokens[k - 1], WordClass.temporal) || lex.namesMonth(tokens[month]))
        }
    }
}
