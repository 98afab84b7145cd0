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
    static func select(_ candidates: consuming [Candidate], tokens: [Token], mentions: [Mention], cues: [Cue], lex: Lexicon) -> [Candidate] {
        // Most sentences name no action, and most others one: nothing to select. (Every rule
        // below weighs a candidate against another; one alone is kept as it is.)
        guard candidates.count > 1 else { return candidates }
        // The passes below narrow a list of indices: a candidate is large, and moved, never copied.
        var all = consume candidates
        let dropped = merge(&all, tokens: tokens, mentions: mentions, cues: cues, lex: lex)
        let chosen = chosen(all, dropped: dropped, tokens: tokens, mentions: mentions, cues: cues, lex: lex)
        return keeping(chosen, of: &all)
    }

    /// The positions of the candidates the sentence reports, ascending. `all` is read in place
    /// (a let), since a copy of a candidate costs a retain of each of its strings.
    private static func chosen(_ all: [Candidate], dropped: Set<Int>, tokens: [Token], mentions: [Mention], cues: [Cue],
                               lex: Lexicon) -> [Int] {
        var kept = all.indices.filter { !dropped.contains($0) }
        // "demanded Tuesday that…" opens what was demanded; "a faction that controls…" a relative clause.
        // Per token, on the stack: a cue's or a verb's word (a flag a token: cheaper than a set of positions).
        let background = withUnsafeTemporaryAllocation(of: Bool.self, capacity: tokens.count) { verbs in
            verbs.initialize(repeating: false)
            for cue in cues { for k in cue.start..<cue.end { verbs[k] = true } }
            for c in all.indices where !all[c].trigger.entry.nominal { for k in all[c].trigger.tokens { verbs[k] = true } }
            return backgroundSpans(tokens, lex) { i in !(max(0, i - 3)..<i).contains { verbs[$0] } }
        }
        // A verb in a temporal clause ("after the Council imposed sanctions") still reports a
        // fact; in a condition or a relative clause it does not, or tells old news.
        // The rules below take a candidate's position: a candidate is read in place, not copied.
        func inBackground(_ c: Int) -> Bool {
            background.contains { span in
                span.contains(all[c].trigger.anchor) && !(lex.isA(tokens[span.lowerBound], WordClass.temporal) && tellsFact(c)
                    && !TimeReference.onlyDates(opener: span.lowerBound, tokens, lex: lex))
            }
        }
        // "after a mortar strike injured three nurses": a noun with a verb of its own is a fact;
        // "before allowing aid convoys" is none.
        func tellsFact(_ c: Int) -> Bool {
            let trigger = all[c].trigger
            // "before they demobilize" tells what may come: a verb of fact is inflected.
            if !trigger.entry.nominal {
                return !tokens[trigger.anchor].ends(.ing) && !tokens[trigger.anchor].isLemma
            }
            return (trigger.end..<min(tokens.count, trigger.end + 3)).contains { k in
                tokens[k].kind == .word && !tokens[k].isCapitalized
                    && ((tokens[k].ends(.ed) && isPastForm(tokens[k].lower)) || lex.isA(tokens[k], WordClass.auxiliary))
            }
        }
        func inPhrase(_ c: Int) -> Bool {
            let trigger = all[c].trigger
            // "in protest of their government's refusal": the possessor belongs to the phrase.
            var start = trigger.anchor
            // "has been put under investigation" is the predicate itself.
            if start > 0, tokens[start - 1].is(.under) { return false }
            // "…the government's refusal to accept…": the phrase holds the cue before the act.
            if let cue = all[c].cue, cue.end < start, start - cue.end <= 1 { start = cue.start }
            if start > 0, tokens[start - 1].is(.possessive), let owner = mentions.first(where: { $0.end == start - 1 }) { start = owner.start }
            guard let head = (max(0, start - 4)..<trigger.anchor).last(where: { i in
                lex.isA(tokens[i], WordClass.phrasePreposition) && !(trigger.tokens.contains(i))
            }) else { return false }
            // "Farmers in Poland began a hunger strike": a verb after the phrase governs the act.
            if (head + 1..<trigger.anchor).contains(where: { lex.lemmaIsA(tokens[$0], WordClass.lightVerb) && !lex.isA(tokens[$0], WordClass.auxiliary) }) {
                return false
            }
            return !(lex.isA(tokens[head], WordClass.temporal) && tellsFact(c))
        }
        // "staged demonstrations to demand reforms", "met Assad to discuss…", "demonstrated
        // calling for independence": an act done to serve the one before it in its clause is its
        // purpose, not a second event (gerunds after a comma are glosses, below).
        func isAdjunct(_ c: Int, after m: Int) -> Bool {
            let trigger = all[c].trigger, governedAt = all[c].governedAt, main = all[m].trigger
            // "an ultimatum to Syria to stop…": a cue verb before the act opens its phrase.
            var at = governedAt ?? trigger.anchor
            var opensWithCue = false
            if governedAt == nil, let cue = all[c].cue, cue.end == at, cue.start > 0, tokens[cue.start - 1].is(.to) {
                at = cue.start
                opensWithCue = true
            }
            // "blocked roads demanding that…": a gerund read as a noun is still a verb form.
            let gerund = tokens[at].ends(.ing) && !tokens[at].isLemma
            guard !trigger.entry.nominal || governedAt != nil || gerund || opensWithCue, at > main.end,
                  // "dismissed claims that Oslo tried to sway the vote": what a cue
                  // from the main verb on governs is its content.
                  opensWithCue || (all[c].cue.map { $0.start < main.anchor || governedAt != nil } ?? true) else { return false }
            let afterComma = (main.end..<at).contains { tokens[$0].is(.comma) }
            if tokens[at - 1].is(.to) {
                return !afterComma && (all[c].event.type != all[m].event.type || !main.entry.nominal || all[m].source != nil)
            }
            guard tokens[at].ends(.ing), !tokens[at].isLemma else { return false }
            return all[c].event.type != all[m].event.type && !afterComma
        }
        // "the mayor, a party member jailed last year", "migrants ordered out of
        // Poland": a participle after a noun and before a preposition describes the noun.
        func isReducedRelative(_ c: Int) -> Bool {
            let a = all[c].trigger.anchor
            guard !all[c].trigger.entry.nominal, a > 0, a + 1 < tokens.count, tokens[a].ends(.ed), !tokens[a].isLemma,
                  tokens[a - 1].kind == .word, !lex.isA(tokens[a - 1], WordClass.nonNoun), !tokens[a - 1].ends(.ly) else { return false }
            return lex.isA(tokens[a + 1], WordClass.phrasePreposition) || tokens[a + 1].is(.out)
        }
        // Asked of a candidate in several passes: answered once.
        let isBackground = all.indices.map(inBackground)
        let isInPhrase = all.indices.map(inPhrase)
        if let first = kept.first(where: { !all[$0].trigger.entry.nominal && !isReducedRelative($0) }) {
            kept.removeAll { all[$0].trigger.anchor > all[first].trigger.anchor && isReducedRelative($0) }
        }
        // The main clause's acts: its verbs, and nouns with an agent of their own ("Chile
        // filed a formal complaint", "students began a hunger strike").
        let main = kept.filter { i in
            !isBackground[i] && (!all[i].trigger.entry.nominal || (all[i].source != nil && !isInPhrase[i]))
        }
        if !main.isEmpty {
            kept.removeAll { i in
                if isBackground[i] { return true }
                // After the main action, an act a few words past a preposition is its setting
                // ("accused X of blackmail in the negotiations", "…in Mali and has urged…").
                return isInPhrase[i] && main.contains(where: { all[$0].trigger.anchor < all[i].trigger.anchor })
            }
        }
        if let first = kept.first(where: { !isBackground[$0] }) {
            kept.removeAll { isAdjunct($0, after: first) }
        }
        // "rejected the proposal, urging India to sign…", "shelled Juba, killing 20": after a
        // verb, a comma and a gerund open a gloss on it, no news of its own.
        // After a noun, a gloss of another kind, or a vaguer one ("…rocket fire, killing 50"),
        // comments on it; one of the same kind says what it was ("would take measures, expelling
        // 35 diplomats").
        if let m = main.first {
            let glosses = glossSpans(tokens, after: all[m].trigger.end, lex)
            kept.removeAll { c in
                glosses.contains { $0.contains(all[c].trigger.anchor) }
                    && !(all[m].trigger.entry.nominal && all[c].event.type == all[m].event.type && all[c].event.mode != ActionMode.other.rawValue
                        && all[c].event.mode != all[m].event.mode)
            }
        }
        // A noun a verb governs names no act of its own: one of the verb's kind is the same act
        // ("would host a meeting", "attended the summit"); what a complaint is about is its topic
        // ("condemned the arrests", "complained over two air raids").
        kept = kept.filter { c in
            let noun = all[c].trigger
            guard noun.entry.nominal else { return true }
            return !kept.contains { d in
                let verb = all[d].trigger
                guard !verb.entry.nominal, verb.end <= noun.anchor else { return false }
                let between = verb.end..<noun.anchor
                if all[d].event.type == all[c].event.type, between.count <= 3 { return true }
                guard [.accuse, .protest].contains(all[d].event.type), all[c].event.type != .accuse else { return false }
                return between.count <= 3 || (between.count <= 10 && !between.contains { tokens[$0].is(.comma) }
                    && between.contains { tokens[$0].is(.over) || tokens[$0].is(.about) || tokens[$0].is(.for) || tokens[$0].is(.against) })
            }
        }
        // "fired shells, mortars and rockets at…": one act named in a list.
        kept = kept.filter { c in
            all[c].source != nil || !kept.contains { d in
                all[d].source != nil && all[d].event.family == all[c].event.family && all[d].event.status == all[c].event.status
                    && (all[c].event.target == nil || all[d].event.target?.root == all[c].event.target?.root)
            }
        }
        // The same action stated twice in one sentence.
        // A sentence keeps a few events: a list searched is cheaper than a set hashing their strings.
        var seen: [SameAction] = []
        seen.reserveCapacity(kept.count)
        kept.removeAll { i in
            let action = SameAction(family: all[i].event.family, status: all[i].event.status, source: all[i].event.source?.root,
                                    target: all[i].event.target?.root)
            if seen.contains(action) { return true }
            seen.append(action)
            return false
        }
        return kept
    }

    /// The elements at `positions` (ascending), moved to the front of `array` and the rest
    /// dropped: a candidate is moved, never copied.
    private static func keeping(_ positions: [Int], of array: inout [Candidate]) -> [Candidate] {
        for (to, from) in positions.enumerated() where to != from { array.swapAt(to, from) }
        array.removeSubrange(positions.count...)
        return array
    }

    /// What makes two events the same action: family, status and the parties' roots.
    private struct SameAction: Hashable {
        var family: String
        var status: EventStatus
        var source: String?
        var target: String?
    }

    /// Folds a cue verb into the action it governs: changes the candidates in place and returns
    /// the indices of those folded away. Triggers and types are never changed; where a rule reads
    /// a candidate as it was found (an agreement's status and source), that is kept aside first.
    private static func merge(_ result: inout [Candidate], tokens: [Token], mentions: [Mention], cues: [Cue], lex: Lexicon)
        -> Set<Int> {
        var dropped = Set<Int>()
        // (Kept aside only when there is an agreement to read: most sentences have none.)
        let agreed = !result.contains { $0.event.type == .agree } ? [] : result.indices.map { i in
            result[i].event.type == .agree ? (status: result[i].event.status, source: result[i].source) : nil
        }
        // "refused to lift the sanctions", "threatened to end the talks": the stance of the
        // verb is taken on the ending, so it is the status of the measure ended.
        for i in result.indices {
            guard let ending = result[i].cue, ending.kind == .cancelled,
                  let o = result.indices.first(where: { $0 != i && !result[$0].trigger.entry.nominal
                      && result[$0].trigger.end <= ending.start && ending.start - result[$0].trigger.end <= 2 }),
                  let stance = cues.first(where: { result[o].trigger.tokens.contains($0.start) && $0.kind != .cancelled }),
                  let status = EventStatus(rawValue: stance.kind.rawValue) else { continue }
            result[i].event.status = status
            result[i].cue = stance
        }
        // Per candidate, the one whose cue verb governs it (a list: a sentence has a few candidates).
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
        // "rejected an offer of talks": the stance is taken on the offer; what the offer holds
        // is no event of its own.
        let found = governor
        for i in found.indices {
            guard let o = found[i], found[o] != nil else { continue } // o governs i and is governed itself
            dropped.insert(i)
            dropped.insert(o)
            governor[i] = nil
            governor[o] = nil
        }
        // A governor is never governed itself (offers are dropped above), so it is read as found.
        for i in governor.indices {
            guard let o = governor[i] else { continue }
            let outerTrigger = result[o].trigger, outerTarget = result[o].event.target
            let innerAnchor = result[i].trigger.anchor
            dropped.insert(o)
            // "urged the EC to support…", "demanded the withdrawal of foreign troops": the one who
            // urges or demands is the source; the one urged, the target.
            if let speaker = result[o].source, tokens[outerTrigger.end - 1].is(.for), let agent = result[i].source,
               agent.start >= outerTrigger.end {
                // "pushing for a Council decision to impose an embargo": "for" asks for a
                // thing; who would do it stays the actor, and the one asking says so.
                result[i].event.saidBy = speaker.actor
            } else if let speaker = result[o].source, let addressee = outerTarget, result[i].source?.actor.root == addressee.root {
                // "Sweden said Belarus must release…": the one who must is the one demanded of.
                result[i].event.source = speaker.actor
                result[i].event.target = addressee
                result[i].source = speaker
                result[i].event.saidBy = nil
            } else if let speaker = result[o].source, result[i].source.map({ $0.start >= outerTrigger.end || $0.end == 0 }) ?? true {
                let addressee = mentions.first { m in
                    m.start >= outerTrigger.end && m.start < innerAnchor && m.actor.root != speaker.actor.root
                        && !(m.start > 0 && lex.isA(tokens[m.start - 1], WordClass.phrasePreposition))
                }
                let own = result[i].event.target.flatMap { $0.root == speaker.actor.root ? nil : $0 }
                if let target = addressee?.actor ?? own ?? outerTarget { result[i].event.target = target }
                result[i].event.source = speaker.actor
                result[i].source = speaker
                result[i].event.saidBy = nil
            }
            result[i].evidence.governor = outerTrigger
            result[i].governedAt = outerTrigger.anchor
        }
        // "agreed to a ceasefire", "agreed to resign": what is agreed is one act. A thing agreed
        // (a noun) is the agreement; an act agreed (a verb) is promised by whoever agreed.
        for o in result.indices where result[o].event.type == .agree && !result[o].trigger.entry.nominal && !dropped.contains(o)
            && lex.lemmaIsA(tokens[result[o].trigger.anchor], WordClass.assent) {
            let outerEnd = result[o].trigger.end
            guard let outer = agreed[o], outerEnd < tokens.count, (tokens[outerEnd].is(.to) || tokens[outerEnd].is(.on) || tokens[outerEnd].is(.upon)),
                  let i = result.indices.first(where: { $0 != o && !dropped.contains($0)
                      && result[$0].trigger.anchor > outerEnd && result[$0].trigger.anchor - outerEnd <= 4 })
            else { continue }
            if result[i].trigger.entry.nominal {
                // A truce agreed is the agreement of a truce: what storylines hold in force.
                if result[i].event.mode == ActionMode.ceasefire.rawValue { result[o].event.mode = ActionMode.ceasefire.rawValue }
                dropped.insert(i)
            } else {
                dropped.insert(o)
                // "did not agree to resign" keeps the refusal.
                result[i].event.status = outer.status == .done ? .promised : outer.status
                if let speaker = outer.source {
                    result[i].event.source = speaker.actor
                    result[i].source = speaker
                }
            }
        }
        return dropped
    }

    /// Token ranges of background clauses and phrases: from a subordinating word to the end of
    /// its clause (the next comma, semicolon or dash, or the sentence's end).
    private static func backgroundSpans(_ tokens: [Token], _ lex: Lexicon, relativeThat: (Int) -> Bool) -> [Range<Int>] {
        // "About 40 drivers blocked roads…": a phrase that opens the sentence and runs to its
        // end is the sentence itself.
        spans(tokens, from: 0, lex) { i in
            // "In a note sent to Poland, Lithuania said…": an opening phrase sets the scene.
            (i == 0 && lex.isA(tokens[0], WordClass.phrasePreposition) && !lex.isA(tokens[0], WordClass.temporal))
                || isSubordinator(tokens, i, lex) || (tokens[i].is(.that) && i > 0 && tokens[i - 1].kind == .word && relativeThat(i))
        }.filter { $0.lowerBound > 0 || $0.upperBound < tokens.count - 1 }
    }

    /// "wounded", "raged"; not "feed", "need".
    private static func isPastForm(_ word: String) -> Bool {
        word.hasSuffix("ed") && !word.hasSuffix("eed") && word.count >= 5
    }

    /// Token ranges from ", <gerund>" to the end of its clause, after `start`.
    private static func glossSpans(_ tokens: [Token], after start: Int, _ lex: Lexicon) -> [Range<Int>] {
        spans(tokens, from: start, lex) { i in
            guard tokens[i].is(.comma), i + 1 < tokens.count else { return false }
            let next = tokens[i + 1]
            return next.kind == .word && next.ends(.ing) && next.lower.count > 5 && !next.isCapitalized
        }
    }

    /// Ranges from each token `opens` to the end of its clause (the next comma, semicolon or
    /// dash, or the sentence's end).
    private static func spans(_ tokens: [Token], from start: Int, _ lex: Lexicon, opens: (Int) -> Bool) -> [Range<Int>] {
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

    private static func isSubordinator(_ tokens: [Token], _ i: Int, _ lex: Lexicon) -> Bool {
        if tokens[i].is(.as) {
            // "as the fighting spread", "as he took office"; not "as well as", "such as",
            // "as part of", "as a result".
            return i > 0 && !lex.isA(tokens[i - 1], WordClass.asAdverbPrevious)
                && !(i + 1 < tokens.count && lex.isA(tokens[i + 1], WordClass.asAdverbNext))
        }
        if tokens[i].is(.in), i + 3 < tokens.count, tokens[i + 1].is(.the), tokens[i + 2].is(.wake), tokens[i + 3].is(.of) {
            return true
        }
        // "in protest of the government's refusal…": the reason for the act.
        if tokens[i].is(.in), i + 2 < tokens.count, tokens[i + 1].is(.protest),
           tokens[i + 2].is(.of) || tokens[i + 2].is(.at) || tokens[i + 2].is(.against) || tokens[i + 2].is(.over) {
            return true
        }
        return lex.isA(tokens[i], WordClass.subordinator)
    }
}
