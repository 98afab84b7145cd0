import StorywatchModel

/// Phenomenon: a side's stance on a policy of its own (design §2, Policy storyline). A stance
/// verb whose object is a policy noun ("shelved its fuel tax plan", "proposed a new levy"), or
/// a passive whose subject is one ("the levy was scrapped"), tells the side's course on that
/// policy; the object's head words ("fuel tax plan") key its storyline.
struct PolicyStance {
    let lex: Lexicon

    /// One stance on a policy in a sentence.
    struct Stance {
        var status: EventStatus
        /// Giving ground on the policy ("watered down"), read as a concession (CONCEDE done).
        var compromise: Bool
        var object: String
        /// Where the policy noun stands.
        var head: Int
        /// Nil when the sentence names no owner ("Plans to … have been dropped"): the document's
        /// own country is then the owner (`Extractor.ownUnattributedPolicies`).
        var source: Mention?
        /// The party a condition or request is put to ("its condition that Brazil pay"), if another.
        var addressee: Mention?
        var cue: Cue
    }

    /// Words the object's phrase may run over before its noun ("its controversial new fuel").
    private static let maxPhrase = 5

    /// The sentence's stances on a policy object: at most one per cue.
    func stances(_ tokens: [Token], mentions: [Mention], cues: [Cue]) -> [Stance] {
        var result: [Stance] = []
        for cue in cues {
            guard let status = Self.status(of: cue.kind) else { continue }
            // "withdraw … request" names its object inside the cue.
            let named = cue.end - cue.start > 1 && isPolicy(tokens[cue.end - 1]) ? cue.end - 1 : object(after: cue.end, tokens)
            let active = named.map { (head: $0, source: subject(before: cue.start, tokens, mentions)) }
            let passive = passiveSubject(before: cue.start, tokens).map { (head: $0, source: owner(of: $0, tokens, mentions)) }
            // One stance a policy noun: overlapping cues ("put an end to", "end to") name one.
            // (A condition inside a passive's subject, "plans to … if they …", is the plan's own.)
            guard let found = active ?? passive, !isConditional(min(cue.start, found.head), tokens),
                  !DemandedStance.isAsked(cue.start, cues: cues, tokens, lex: lex),
                  !result.contains(where: { $0.head == found.head }),
                  let object = headWords(at: found.head, from: active == nil ? 0 : cue.end, tokens) else { continue }
            let source = found.source
            let addressee = mentions.first { m in
                m.start > found.head && !m.isPlace && m.actor.side != source?.actor.side
                    && !(found.head..<m.start).contains { lex.isA(tokens[$0], WordClass.clauseEnd) || lex.isA(tokens[$0], WordClass.clauseStop) }
            }
            result.append(Stance(status: status, compromise: cue.kind == .compromised, object: object, head: found.head,
                                 source: source, addressee: addressee, cue: cue))
        }
        return result
    }

    /// Where a policy noun opens the object after `position`: only words of its noun phrase
    /// stand between ("its new fuel tax plan"), no verb of the clause ("plans to scrap the levy"
    /// is a stance on the levy taken by "scrap", not by "plans to").
    func object(after position: Int, _ tokens: [Token]) -> Int? {
        // "plans to raise the tax", "plans to charge drivers": after "to" comes a verb, whose object
        // is its own; a plural there is a noun ("an end to plans").
        if position > 0, position < tokens.count, tokens[position - 1].is(.to),
           !(isPolicy(tokens[position]) && !tokens[position].isLemma) { return nil }
        var j = position
        while j < tokens.count, j - position <= Self.maxPhrase {
            if isPolicy(tokens[j]) { return j }
            guard isPhraseWord(tokens[j], after: j > position ? tokens[j - 1] : nil) else { return nil }
            j += 1
        }
        return nil
    }

    /// "…could strike if ministers scrap the scheme": a stance in a condition is not taken.
    private func isConditional(_ position: Int, _ tokens: [Token]) -> Bool {
        var k = position - 1
        while k >= 0, !lex.isA(tokens[k], WordClass.clauseEnd) {
            if tokens[k].is(.if) || tokens[k].is(.unless) { return true }
            k -= 1
        }
        return false
    }

    /// The stances a cue can take on a policy; nil for cues that say nothing of one.
    private static func status(of kind: CueKind) -> EventStatus? {
        switch kind {
        case .cancelled: .cancelled
        case .proposed: .proposed
        case .promised: .promised
        case .compromised: .done
        default: nil
        }
    }

    /// The sentence names a policy: only then can it tell a stance on one.
    func namesPolicy(_ tokens: [Token]) -> Bool { tokens.contains(where: isPolicy) }

    /// A policy noun or its plural (also what a side's plan is judged on, `JudgedUnacceptable`);
    /// "planned", "taxing" are verb forms.
    func isPolicy(_ t: Token) -> Bool {
        lex.isA(t, WordClass.policyObject) || (lex.lemmaIsA(t, WordClass.policyObject) && !t.ends(.ed) && !t.ends(.ing))
    }

    /// A word that can stand inside a noun phrase before its noun: a determiner, a possessive,
    /// an adjective or a noun; a word that heads an action or a cue only right after a
    /// determiner ("its proposed levy").
    private func isPhraseWord(_ t: Token, after previous: Token?) -> Bool {
        guard t.kind == .word || t.is(.possessive) else { return false }
        if lex.isA(t, WordClass.auxiliary) || lex.isA(t, WordClass.modal) || lex.isA(t, WordClass.preposition) || t.is(.that) {
            return false
        }
        let heads = WordTable.hasActions | WordTable.hasCues
        guard (t.kinds | t.lemmaKinds) & heads != 0 else { return true }
        return previous.map { lex.isA($0, WordClass.determiner) || lex.isA($0, WordClass.possessive) } ?? false
    }

    /// "The levy was scrapped", "plans … have been watered down": a policy noun before a form of
    /// "be" that stands right before the cue.
    private func passiveSubject(before cueStart: Int, _ tokens: [Token]) -> Int? {
        guard cueStart > 0, lex.isA(tokens[cueStart - 1], WordClass.be) else { return nil }
        var j = cueStart - 2
        // Within its clause: "demanded that the rise be scrapped" puts no stance on a demand.
        while j >= 0, cueStart - j <= 14, !lex.isA(tokens[j], WordClass.clauseEnd), !tokens[j].is(.that) {
            if isPolicy(tokens[j]), !(j > 0 && tokens[j - 1].is(.to)) { return j }
            j -= 1
        }
        return nil
    }

    /// The one who takes the stance: the last party named before the cue in its clause.
    private func subject(before cueStart: Int, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        mentions.last { m in
            m.end <= cueStart && !m.isPlace && !(m.end..<cueStart).contains { lex.isA(tokens[$0], WordClass.clauseStop) }
        }
    }

    /// Whose policy a passive's subject is: the party named before it ("the government's plan").
    private func owner(of head: Int, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        mentions.last { $0.end <= head && !$0.isPlace }
    }

    /// "its fuel tax plan" → "fuel tax plan"; "the plan to raise the fuel tax" → "fuel tax plan":
    /// up to two topic words before the noun, else the last two of its complement, then the noun,
    /// all as lemmas.
    func headWords(at head: Int, from start: Int = 0, _ tokens: [Token]) -> String? {
        func isTopic(_ k: Int) -> Bool {
            tokens[k].kind == .word && !tokens[k].isCapitalized && !lex.isA(tokens[k], WordClass.notTopic)
                && !lex.isA(tokens[k], WordClass.possessive) && !tokens[k].is(.possessive) && tokens[k].text.utf8.count >= 3
        }
        var topic: [Int] = []
        var k = head - 1
        // (Within its noun phrase: "last spring abandoned plans" names no spring plan.)
        while k >= start, topic.count < 2, isTopic(k), !isPolicy(tokens[k]) {
            topic.insert(k, at: 0)
            k -= 1
        }
        if topic.isEmpty, head + 1 < tokens.count, tokens[head + 1].is(.to) || tokens[head + 1].is(.for) || tokens[head + 1].is(.on) {
            // The first topic words of the complement, up to a new clause ("if", "when", a comma).
            var j = head + 2
            while j < tokens.count, j - head <= 8, topic.count < 2, !lex.isA(tokens[j], WordClass.clauseEnd),
                  !lex.isA(tokens[j], WordClass.subordinator), !tokens[j].is(.period) {
                if isTopic(j) { topic.append(j) }
                j += 1
            }
        }
        let words = (topic + [head]).map { lex.lemma(of: tokens[$0]) }
        return words.joined(separator: " ")
    }
}
