import StorywatchModel

/// An event read from one trigger, with what produced it: the inputs of `ClauseSelection`.
struct Candidate {
    var event: Event
    var evidence: EventEvidence
    var trigger: Trigger
    /// The cue that set the status, if any.
    var cue: Cue?
    var source: Mention?
    /// Where the cue verb that governs this action stood, once folded into it ("to demand the
    /// resignation…" stands where "demand" stood).
    var governedAt: Int?
}

/// Which of a sentence's candidate events it reports (design §2: one event per action).
///
/// - A verb that is itself a status cue ("threatened to impose", "agreed to a ceasefire",
///   "demanded the withdrawal of") is no action of its own: the action it governs carries its
///   status, and its subject when the action names no agent of its own before it.
/// - An action told in a background clause or phrase ("…, who are deployed to oversee a
///   ceasefire", "if Norway imposes sanctions", "after two days of fighting"), a purpose clause
///   ("staged protests to demand…"), a gloss after a comma (", urging India to sign…") or a
///   participle describing a noun ("a member jailed last year") is context for the main clause:
///   dropped when the main clause reports an action.
/// - The same action twice ("donated and delivered aid", "artillery, mortar and tank fire") is
///   one event.
enum ClauseSelection {
    /// The word classes the rules test (`WordClass`: subordinator, temporal, auxiliary, nonNoun,
    /// phrasePreposition, clauseEnd).
    static func select(_ candidates: consuming [Candidate], _ view: SentenceView, lex: Lexicon) -> [Candidate] {
        // Most sentences name no action, and most others one: nothing to select. (Every rule
        // below weighs a candidate against another; one alone is kept as it is.)
        guard candidates.count > 1 else {
            return ConditionClause.alone(candidates, view, lex: lex) ? candidates : []
        }
        // The passes below narrow a list of indices: a candidate is large, and moved, never copied.
        var all = consume candidates
        let dropped = merge(&all, view, lex)
        let chosen: [Int], earlier: [Bool]
        do { // (the scope, which holds the list too, ends before the list is narrowed in place)
            let scope = SelectionScope(all, view, lex: lex)
            chosen = Self.chosen(scope, dropped: dropped)
            earlier = chosen.map { SubordinateClause.toldBefore($0, scope) }
        }
        return SubordinateClause.earlierFirst(keeping(chosen, of: &all), earlier: earlier)
    }

    /// The positions of the candidates the sentence reports, ascending: the rules in order.
    private static func chosen(_ s: SelectionScope, dropped: Set<Int>) -> [Int] {
        var kept = s.all.indices.filter { !dropped.contains($0) }
        ReducedRelative.dropAfterFirstVerb(&kept, s)
        let main = mainClauseActs(kept, s)
        if main.isEmpty { ConditionClause.drop(&kept, s) } else { dropContext(&kept, of: main, s) }
        PurposeClause.drop(&kept, s)
        if let m = main.first { Gloss.drop(&kept, after: m, s) }
        GovernedNoun.drop(&kept, s)
        ApprovedMeasure.drop(&kept, s)
        ListedAct.drop(&kept, s)
        dropRepeats(&kept, s)
        return kept
    }

    /// The main clause's acts: its verbs, and nouns with an agent of their own ("Chile filed a
    /// formal complaint", "students began a hunger strike").
    private static func mainClauseActs(_ kept: [Int], _ s: SelectionScope) -> [Int] {
        kept.filter { i in
            !s.isBackground[i] && (!s.all[i].trigger.entry.nominal || (s.all[i].source != nil && !s.isInPhrase[i]))
        }
    }

    /// Besides a main clause's act, those of background clauses are dropped, and after it an act
    /// a few words past a preposition is its setting ("accused X of blackmail in the
    /// negotiations", "…in Mali and has urged…").
    private static func dropContext(_ kept: inout [Int], of main: [Int], _ s: SelectionScope) {
        kept.removeAll { i in
            if s.isBackground[i] { return true }
            return s.isInPhrase[i] && main.contains(where: { s.all[$0].trigger.anchor < s.all[i].trigger.anchor })
        }
    }

    /// The same action stated twice in one sentence.
    private static func dropRepeats(_ kept: inout [Int], _ s: SelectionScope) {
        // A sentence keeps a few events: a list searched is cheaper than a set hashing their strings.
        var seen: [SameAction] = []
        seen.reserveCapacity(kept.count)
        kept.removeAll { i in
            let action = SameAction(type: s.all[i].event.type, mode: s.all[i].event.mode, status: s.all[i].event.status,
                                    source: s.all[i].event.source?.root, target: s.all[i].event.target?.root)
            if seen.contains(action) { return true }
            seen.append(action)
            return false
        }
    }

    /// The elements at `positions` (ascending), moved to the front of `array` and the rest
    /// dropped: a candidate is moved, never copied.
    private static func keeping(_ positions: [Int], of array: inout [Candidate]) -> [Candidate] {
        for (to, from) in positions.enumerated() where to != from { array.swapAt(to, from) }
        array.removeSubrange(positions.count...)
        return array
    }

    /// What makes two events the same action: family (type and mode, compared apart rather
    /// than joined into a String for each candidate), status and the parties' roots.
    private struct SameAction: Hashable {
        var type: EventType?
        var mode: String
        var status: EventStatus
        var source: String?
        var target: String?
    }

    /// Folds a cue verb into the action it governs: changes the candidates in place and returns
    /// the indices of those folded away. Triggers and types are never changed; where a rule reads
    /// a candidate as it was found (an agreement's status and source), that is kept aside first.
    private static func merge(_ result: inout [Candidate], _ view: SentenceView, _ lex: Lexicon) -> Set<Int> {
        let agreed = AgreedAct.asFound(result)
        StanceOnEnding.apply(&result, cues: view.cues)
        var governor = governors(result, view.tokens)
        var dropped = OfferOfAct.dropOffers(&governor)
        // A deal named with its parties is theirs, made; the cue verb keeps its own act (`NamedDeal`).
        for i in governor.indices where governor[i] != nil && NamedDeal.isNamedDeal(result[i], view.tokens, view.mentions, lex: lex) {
            governor[i] = nil
            result[i].event.status = .done
        }
        // A governor is never governed itself (offers are dropped above), so it is read as found.
        for i in governor.indices {
            guard let o = governor[i] else { continue }
            dropped.insert(o)
            let (outer, addressee) = (result[o].trigger, result[o].event.target)
            if let speaker = result[o].source {
                CueVerbParties.apply(&result[i], speaker: speaker, governor: outer, addressee: addressee, view, lex)
            }
            result[i].evidence.governor = outer
            result[i].governedAt = outer.anchor
        }
        AgreedAct.fold(&result, agreed: agreed, dropped: &dropped, view.tokens, lex)
        return dropped
    }

    /// Per candidate, the one whose cue verb governs it (a list: a sentence has a few candidates).
    private static func governors(_ result: [Candidate], _ tokens: [Token]) -> [Int?] {
        var governor = [Int?](repeating: nil, count: result.count)
        for i in result.indices {
            guard let cue = result[i].cue, result[i].event.status != .denied, result[i].event.status != .admitted,
                  // "repeated its demand that Sudan ease…": a demand named as a noun governs too.
                  let o = result.indices.first(where: { $0 != i && result[$0].trigger.tokens.contains(cue.start)
                      && (!result[$0].trigger.entry.nominal || result[$0].event.type == .request) }) else { continue }
            // "rejected the plan, and said they opposed…": a new clause is no complement.
            let between = result[o].trigger.end..<max(result[o].trigger.end, result[i].trigger.anchor)
            if between.contains(where: { tokens[$0].is(.comma) }) { continue }
            governor[i] = o
        }
        return governor
    }

    /// Ranges from each token `opens` to the end of its clause (the next comma, semicolon or
    /// dash, or the sentence's end).
    static func spans(_ tokens: [Token], from start: Int, _ lex: Lexicon, opens: (Int) -> Bool) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = start
        while i < tokens.count {
            guard opens(i) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < tokens.count && !lex.isA(tokens[j], WordClass.clauseEnd) && !opensVerbPhrase(tokens, j, lex) { j += 1 }
            spans.append(i..<j)
            i = j
        }
        return spans
    }

    /// "…criticised by Chile during the summit and will resign": "and" with an auxiliary or modal
    /// after it opens another verb phrase of the main clause.
    private static func opensVerbPhrase(_ tokens: [Token], _ j: Int, _ lex: Lexicon) -> Bool {
        (tokens[j].is(.and) || tokens[j].is(.but)) && j + 1 < tokens.count
            && (lex.isA(tokens[j + 1], WordClass.modal) || lex.isA(tokens[j + 1], WordClass.pastAuxiliary))
    }
}

/// What the rules that choose among a sentence's candidates read (`ClauseSelection`, Rules/):
/// the candidates, read in place (a copy of a candidate costs a retain of each of its strings),
/// the sentence's words and mentions, and where its background clauses lie.
struct SelectionScope {
    let all: [Candidate]
    let tokens: [Token]
    let mentions: [Mention]
    let lex: Lexicon
    /// Token ranges of the background clauses and phrases (`SubordinateClause`).
    let background: [Range<Int>]
    /// Per candidate: told in a background clause (`SubordinateClause`), or in a phrase after a
    /// preposition (`SettingPhrase`). Asked in several passes: answered once.
    private(set) var isBackground: [Bool] = []
    private(set) var isInPhrase: [Bool] = []

    init(_ all: [Candidate], _ view: SentenceView, lex: Lexicon) {
        (self.all, tokens, mentions, self.lex) = (all, view.tokens, view.mentions, lex)
        background = SubordinateClause.spans(all, view.tokens, cues: view.cues, lex)
        let scope = self
        isBackground = all.indices.map { SubordinateClause.isBackground($0, scope) }
        isInPhrase = all.indices.map { SettingPhrase.isInPhrase($0, scope) }
    }

    /// "after a mortar strike injured three nurses": a noun with a verb of its own is a fact;
    /// "before allowing aid convoys" is none.
    func tellsFact(_ c: Int) -> Bool {
        let trigger = all[c].trigger
        // "before they demobilize" tells what may come: a verb of fact is inflected.
        if !trigger.entry.nominal {
            return !tokens[trigger.anchor].ends(.ing) && !tokens[trigger.anchor].isLemma
        }
        return (trigger.end..<min(tokens.count, trigger.end + 3)).contains { k in
            tokens[k].kind == .word && !tokens[k].isCapitalized
                && ((tokens[k].ends(.ed) && Self.isPastForm(tokens[k].lower)) || lex.isA(tokens[k], WordClass.auxiliary))
        }
    }

    /// "wounded", "raged"; not "feed", "need".
    private static func isPastForm(_ word: String) -> Bool {
        word.hasSuffix("ed") && !word.hasSuffix("eed") && word.count >= 5
    }
}
