import Foundation
import StorywatchModel

/// Why an event was read the way it was: shown by `storywatch explain`.
package struct EventEvidence: Sendable {
    package var trigger: String
    package var cues: [String]
    package var actors: [String]
    /// The sentence tells a habit ("has usually responded in kind"): the event is kept for
    /// `extract` but is no turn of a storyline.
    package var habitual = false
}

/// Reads the events of one sentence: triggers, then for each its source, target, status,
/// speaker, quantity and cues (design §3).
struct SentenceReader {
    private static let hoisted_continuation: Set = [",", "and", "as", "well", "while", "by", "before", "after"]
    private static let hoisted_prepositions: Set = ["of", "in", "to", "with", "for", "from", "by", "on", "at", "about", "over", "against"]
    private static let hoisted_lightVerbs: Set = ["impose", "announce", "launch", "take", "carry", "order", "resume", "adopt", "approve", "slap", "introduce", "unveil", "begin", "start", "step", "mount", "stage", "conduct", "make", "hold", "have", "sign", "reach", "agree", "propose", "threaten", "offer", "issue", "call", "cancel", "scrap", "drop", "lift", "end", "suspend", "halt", "postpone", "extend"]
    private static let hoisted_symmetric: Set<EventType> = [.agree, .consult, .retreat, .cooperate]
    private static let hoisted_modal: Set = ["will", "would", "shall", "'ll", "may", "might", "could", "can"]
    private static let hoisted_past: Set = ["did", "had", "has", "have", "was", "were", "never"]
    private static let hoisted_decided: Set = ["decision", "move", "order", "vote", "ruling"]
    private static let hoisted_heads: Set = ["to", "for", "against", "of"]
    let lex: Lexicon

    private static let locatives: Set = ["in", "at", "near", "from", "across", "inside", "within", "into", "outside", "around"]
    private static let be: Set = ["be", "is", "are", "was", "were", "been", "being"]
    static let numberWordList: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "dozens": 24, "hundreds": 200, "thousands": 2000,
    ]
    static let tollWordList: [String: String] = [
        "died": "dead", "dead": "dead", "killed": "dead", "perished": "dead", "deaths": "dead",
        "wounded": "wounded", "injured": "wounded", "missing": "missing", "unaccounted": "missing",
        "rescued": "rescued", "saved": "rescued", "aboard": "aboard", "board": "aboard",
    ]

    /// - Parameters:
    ///   - itemDate: the item's (or document's) date; a date in the sentence takes precedence.
    ///   - itemDated: the item has a date of its own, so vague mentions do not move the event.
    func read(_ sentence: String, document: String, itemDate: Day?, itemDated: Bool = false,
              context: inout ResolutionContext) -> [(event: Event, evidence: EventEvidence)] {
        let tokens = lex.tokenize(sentence)
        guard !tokens.isEmpty else { return [] }
        // Read only when an event or a toll of the sentence needs it.
        lazy var date = DateFinder.date(tokens: tokens, lex: lex, reference: itemDate, itemDated: itemDated) ?? itemDate
        let mentions = ActorFinder(lex: lex).find(tokens, context: &context)
        let triggers = lex.findTriggers(tokens)
        let cues = triggers.isEmpty ? [] : lex.findCues(tokens) // cues qualify triggers only
        var results: [(Event, EventEvidence)] = []
        let responseCues = cues.filter { $0.kind == .response }
        let breachCues = cues.filter { $0.kind == .breach }
        // "…in violation of the ceasefire": the truce named inside a breach or answer phrase is
        // the thing broken or answered, not a new truce.
        let framed = (breachCues + responseCues).flatMap { c in Array(c.start..<min(tokens.count, c.end + 4)) }
        for (n, trigger) in triggers.enumerated() {
            if trigger.entry.type == .retreat, trigger.entry.nominal, framed.contains(trigger.anchor) { continue }
            // "a rocket attack wounded two teenagers": the verb tells the effect of the event before it.
            if n > 0, !trigger.entry.nominal, triggers[n - 1].entry.nominal, trigger.anchor - triggers[n - 1].end <= 1 { continue }
            let windowStart = n > 0 ? triggers[n - 1].end : 0
            let nextAnchor = n + 1 < triggers.count ? triggers[n + 1].anchor : tokens.count
            guard var roles = parties(trigger, tokens, mentions, windowStart: windowStart) else { continue }
            // A speech-act trigger before this one ("warned … it may take measures") also governs it.
            let speechStart = n > 0 && [.threaten, .request, .reject, .agree].contains(triggers[n - 1].entry.type) ? triggers[n - 1].anchor : windowStart
            let window = cues.filter { $0.start >= speechStart && $0.start < trigger.anchor && !trigger.tokens.contains($0.start) }
            var (status, statusCue) = self.status(trigger, tokens, window, cuesAfter: cues)
            // "…would carry out a measure, expelling ambassadors": a gerund continues the clause before it.
            let continuation = Self.hoisted_continuation
            // "…move to expel 35 diplomats and impose sanctions": a coordinated verb shares the subject.
            let coordinated = trigger.anchor > 0 && ["and", "or"].contains(tokens[trigger.anchor - 1].lower)
                && tokens[trigger.anchor].lower == tokens[trigger.anchor].lemma
            if n > 0, !trigger.entry.nominal, trigger.anchor > 0, let previous = results.last?.0,
               coordinated || (tokens[trigger.anchor].lower.hasSuffix("ing") && continuation.contains(tokens[trigger.anchor - 1].lower)) {
                if window.isEmpty { status = previous.status }
                if let src = previous.source {
                    roles.source = Mention(start: 0, end: 0, actor: src, isPerson: false, evidence: "continues the clause before")
                    if roles.target == nil || roles.target?.actor.root == src.root, let t = previous.target {
                        roles.target = Mention(start: 0, end: 0, actor: t, isPerson: false, evidence: "continues the clause before")
                    }
                }
                roles.saidBy = previous.saidBy
            }
            if status == .denied || status == .admitted, let cue = statusCue {
                // "Trump dismissed that Russia tried to…": the speaker before the cue, the actor after it.
                // The speaker is the subject of the cue verb, not a name inside a phrase before it
                // ("Reagan, … in the wake of the Iran arms scandal, admitted").
                let prepositions = Self.hoisted_prepositions
                func inPhrase(_ m: Mention) -> Bool {
                    (max(0, m.start - 2)..<m.start).contains { prepositions.contains(tokens[$0].lower) }
                }
                let speaker = mentions.last { $0.end <= cue.start && $0.start >= windowStart && !inPhrase($0) }
                    ?? mentions.last { $0.end <= cue.start && !inPhrase($0) }
                    ?? mentions.last { $0.end <= cue.start }
                let actorAfter = mentions.last { $0.start >= cue.end && $0.end <= trigger.anchor }
                if let speaker {
                    roles.saidBy = speaker.actor
                    if let actorAfter { roles.source = actorAfter } else if roles.source == nil { roles.source = speaker }
                }
            } else if let cue = statusCue, [.proposed, .demanded].contains(cue.kind),
                      let speaker = mentions.last(where: { $0.end <= cue.start }), speaker.actor.name != roles.source?.actor.name {
                roles.saidBy = speaker.actor
            }
            guard roles.source != nil || roles.target != nil else { continue }
            let source = roles.source ?? Mention(start: 0, end: 0, actor: Actor(code: "UNK", name: "unknown"), isPerson: false, evidence: "no source named")
            // A government acting at home keeps its own country as target ("Turkey will allow
            // Turkish refugees…"); storylines treat such an event as domestic.
            var target = roles.target?.actor
            if target?.code == source.actor.code { target = nil }
            // A state does not sanction, coerce or attack itself: such a target is a misreading.
            if target?.root == source.actor.root, (trigger.entry.type.conflictRank ?? 0) >= 2 { target = nil }
            // Speech acts made are stances: a warning issued is a threat, a demand made is demanded.
            if status == .done {
                switch trigger.entry.type {
                case .threaten: status = .threatened
                case .request: status = .demanded
                case .reject: status = .refused
                default: break
                }
            }
            let answering = responseCues.filter { c in answeringTrigger(for: c, tokens, triggers) == n }
            let isResponse = !answering.isEmpty || tokens[trigger.anchor..<trigger.end].contains { $0.lower.hasPrefix("retaliat") }
            let isBreach = breachCues.contains { c in answeringTrigger(for: c, tokens, triggers, adjectival: false) == n }
            // "In a tit-for-tat response to Washington's sanctions, Moscow expelled…": the answered
            // party is named inside the cue's phrase.
            if isResponse, target == nil, let cue = answering.first,
               let answered = mentions.first(where: { $0.start >= cue.end && $0.start <= cue.end + 4 }),
               answered.actor.root != source.actor.root {
                target = answered.actor
            }
            let quantity = self.quantity(tokens, from: trigger.anchor, to: min(nextAnchor, trigger.end + 14))
            let event = Event(source: roles.source == nil ? nil : source.actor, target: target, saidBy: roles.saidBy, type: trigger.entry.type,
                              mode: trigger.entry.mode, status: status, quantity: quantity, date: date,
                              document: document, quote: sentence, isResponse: isResponse, isBreach: isBreach)
            let evidence = EventEvidence(
                trigger: trigger.tokens.sorted().map { tokens[$0].text }.joined(separator: " ") + (trigger.entry.nominal ? " (noun)" : ""),
                cues: window.map { c in "\(c.kind.rawValue): " + tokens[c.start..<c.end].map(\.text).joined(separator: " ") }
                    + (isResponse ? ["response cue"] : []) + (isBreach ? ["breach cue"] : []),
                actors: [source.evidence] + (roles.target.map { [$0.evidence] } ?? []),
                habitual: cues.contains { $0.kind == .habitual })
            results.append((event, evidence))
        }
        if let toll = toll(tokens, mentions: mentions, document: document, sentence: sentence, date: date),
           !results.contains(where: { $0.0.type == .assault }) {
            results.append(toll)
        }
        return results
    }

    struct Parties {
        var source: Mention?
        var target: Mention?
        var saidBy: Actor?
    }

    /// Source before the action, target after it; passives swap them ("was expelled by").
    private func parties(_ t: Trigger, _ tokens: [Token], _ mentions: [Mention], windowStart: Int) -> Parties? {
        let before = mentions.filter { $0.end <= t.anchor }
        let after = mentions.filter { $0.start >= t.anchor && !t.tokens.contains($0.start) && $0.start < t.end + 14 }
        func isLocative(_ m: Mention) -> Bool { m.start > 0 && Self.locatives.contains(tokens[m.start - 1].lower) }
        var p = Parties()
        let participle = tokens[t.anchor].lower != tokens[t.anchor].lemma && !tokens[t.anchor].lower.hasSuffix("ing")
            && !tokens[t.anchor].lower.hasSuffix("s")
        // "were expelled", "was swiftly expelled", "have been closed down and individuals sanctioned".
        let beBefore = (max(0, t.anchor - 8)..<t.anchor).last { Self.be.contains(tokens[$0].lower) }
        let passive = participle && !t.entry.nominal && beBefore.map { b in
            b == t.anchor - 1 || (b == t.anchor - 2 && tokens[t.anchor - 1].lower.hasSuffix("ly"))
                || (["been", "being"].contains(tokens[b].lower) && !mentions.contains { $0.start > b && $0.start < t.anchor }
                    && (b + 1..<t.anchor).contains { tokens[$0].lower == "and" })
        } ?? false
        if passive {
            if let byIndex = (t.end..<min(tokens.count, t.end + 6)).first(where: { tokens[$0].lower == "by" }),
               let agent = mentions.first(where: { $0.start > byIndex && $0.start <= byIndex + 3 }) {
                p.source = agent
            }
            p.target = before.last { !isLocative($0) }
            return p.source == nil ? nil : p
        }
        if t.entry.nominal {
            // "US expulsion", "Washington's sanctions", "Russian air strikes".
            let lightVerbs = Self.hoisted_lightVerbs
            let governed = (max(0, t.anchor - 5)..<t.anchor).contains { lightVerbs.contains(tokens[$0].lemma) }
            if t.end < tokens.count, tokens[t.end].lower == "by",
               let agent = after.first(where: { $0.start > t.end && $0.start <= t.end + 3 }) {
                // "attacks by Russian warplanes": the agent follows.
                p.source = agent
                p.target = before.last { !isLocative($0) }
                return p
            } else if let adj = before.last, t.anchor - adj.end <= 2 {
                p.source = adj
            } else if governed {
                p.source = before.last { !isLocative($0) }
            }
            p.target = after.first { m in
                m.start > 0 && ["against", "on", "of", "to", "targeting", "at"].contains(tokens[m.start - 1].lower)
            } ?? after.first { m in m.start - t.end <= 3 }
            if p.source == nil {
                // "a rocket attack wounded two Israeli teenagers": the attacker is unnamed; the
                // target must be named right after it.
                p.target = p.target ?? after.first { !isLocative($0) && $0.start - t.end <= 4 }
            }
        } else {
            p.source = before.last { !isLocative($0) }
            p.target = after.first { m in m.actor.root != p.source?.actor.root && !isLocative(m) } ?? after.first
        }
        // "Kyrgyzstan and Tajikistan agreed a ceasefire": a joint act has the other conjunct as partner.
        let symmetric = Self.hoisted_symmetric
        if p.target == nil, symmetric.contains(t.entry.type), let source = p.source, source.start >= 2,
           tokens[source.start - 1].lower == "and",
           let partner = mentions.last(where: { $0.end == source.start - 1 }), partner.actor.root != source.actor.root {
            p.target = partner
        }
        return p
    }

    /// The cue closest before the action decides; a negation turns an intent into a refusal.
    private func status(_ t: Trigger, _ tokens: [Token], _ window: [Cue], cuesAfter: [Cue] = []) -> (EventStatus, Cue?) {
        let statusCues = window.filter { ![.negation, .response, .breach, .report, .habitual].contains($0.kind) }
        // Lone "no", "anybody", "without" quantify the object ("expel anybody"); "no longer" negates.
        let negations = window.filter { c in
            c.kind == .negation && !(c.end - c.start == 1 && ["anybody", "no", "without"].contains(tokens[c.start].lower))
        }
        // A bare modal ("would", "will") yields to a proposal, demand or threat that governs it.
        let modal = Self.hoisted_modal
        var nearest = statusCues.last
        if let n = nearest, [.promised, .considered].contains(n.kind), modal.contains(tokens[n.start].lower),
           let governing = statusCues.last(where: { [.proposed, .demanded, .threatened].contains($0.kind) }) {
            nearest = governing
        }
        let negated: Bool = {
            if let nearest {
                return negations.contains { $0.start >= nearest.start - 3 }
            }
            return negations.contains { $0.start >= t.anchor - 4 }
        }()
        // "U.S. sanctions … were likely to take effect": a noun's status can follow it.
        if nearest == nil, t.entry.nominal,
           let later = cuesAfter.first(where: { $0.start >= t.end && $0.start < t.end + 6
               && [.considered, .promised, .threatened, .refused, .cancelled].contains($0.kind) }) {
            return (EventStatus(rawValue: later.kind.rawValue) ?? .considered, later)
        }
        guard let nearest else {
            if negated {
                // "he did not trade arms": a past act said not to have happened is a denial;
                // "will not", "does not plan to" refuse a future one.
                let past = Self.hoisted_past
                let aux = (max(0, t.anchor - 3)..<t.anchor).map { tokens[$0].lower }
                if aux.contains(where: { past.contains($0) }) { return (.denied, nil) }
                return (.refused, nil)
            }
            if t.anchor > 0, tokens[t.anchor - 1].lower == "to", tokens[t.anchor].lower == tokens[t.anchor].lemma {
                // "the US decision to expel diplomats" reports a decision taken.
                let decided = Self.hoisted_decided
                if t.anchor > 1, decided.contains(tokens[t.anchor - 2].lower) { return (.done, nil) }
                return (.promised, nil)
            }
            return (.done, nil)
        }
        let kind = nearest.kind
        let status: EventStatus = switch kind {
        case .denied: negated ? .considered : .denied
        case .admitted: negated ? .denied : .admitted
        case .refused:
            negated && tokens[nearest.start..<nearest.end].contains { $0.lower == "rule" || $0.lemma == "rule" } ? .considered
                : (negated ? .promised : .refused)
        case .cancelled: negated ? .refused : .cancelled
        case .proposed: negated ? .refused : .proposed
        case .demanded: negated ? .refused : .demanded
        case .threatened: negated ? .refused : .threatened
        case .promised: negated ? .refused : .promised
        case .considered: negated ? .refused : .considered
        default: .done
        }
        return (status, nearest)
    }

    /// The action a response cue frames as an answer. "X did Y in retaliation for Z": Y, the
    /// action before the cue; never Z, the answered action inside the cue's phrase; a cue that
    /// opens the sentence belongs to the main clause after its comma.
    private func answeringTrigger(for cue: Cue, _ tokens: [Token], _ triggers: [Trigger], adjectival allowAdjectival: Bool = true) -> Int? {
        let phraseEnd: Int = {
            let heads = Self.hoisted_heads
            guard heads.contains(tokens[max(cue.end - 1, cue.start)].lower) ||
                  (cue.end < tokens.count && heads.contains(tokens[cue.end].lower)) else { return cue.end }
            var j = cue.end
            while j < tokens.count && ![",", ";", "."].contains(tokens[j].lower) && j - cue.end < 12 { j += 1 }
            return j
        }()
        if allowAdjectival, let own = triggers.indices.first(where: { triggers[$0].tokens.contains(cue.start) }) { return own }
        let inside = triggers.indices.filter { triggers[$0].anchor >= cue.start && triggers[$0].anchor < phraseEnd }
        // "retaliatory measures", "a tit-for-tat move": the cue qualifies the action it names.
        let adjectival = inside.first { triggers[$0].anchor >= cue.start && triggers[$0].anchor <= cue.end && phraseEnd == cue.end }
        if allowAdjectival, let adjectival { return adjectival }
        // An answer is a deliberate act (a verb); a breach may be any act right before the cue
        // ("a rocket attack … despite the truce").
        if let before = triggers.indices.last(where: { triggers[$0].anchor < cue.start && (!allowAdjectival || !triggers[$0].entry.nominal) }) {
            return before
        }
        if let after = triggers.indices.first(where: { triggers[$0].anchor >= phraseEnd && !inside.contains($0) }) {
            return after
        }
        // "the response to US strikes": the only action is the one answered; nothing answers it.
        return phraseEnd > cue.end ? nil : nearestTrigger(to: cue.start, triggers)
    }

    private func nearestTrigger(to position: Int, _ triggers: [Trigger?]) -> Int? {
        triggers.indices.filter { triggers[$0] != nil }.min {
            abs(triggers[$0]!.anchor - position) < abs(triggers[$1]!.anchor - position)
        }
    }

    /// Numbers in the action's object, added up when joined by "and" ("31 employees … and four diplomats").
    private func quantity(_ tokens: [Token], from: Int, to: Int) -> Quantity? {
        var total = 0.0
        var seen = false
        var i = from
        while i < min(to, tokens.count) {
            let t = tokens[i]
            // A figure belongs to this action's object only up to the end of its clause.
            if seen && [",", ";", ":"].contains(t.lower) { break }
            var value: Double?
            if t.kind == .number, let v = Self.number(t.lower) { value = v }
            else if let v = (t.lowerID >= 0 ? lex.table.numberWord[Int(t.lowerID)] : nil) { value = v }
            // Years and days of the month ("on 9 April", "April 9") are dates, not figures.
            if let v = value, v >= 1900, v <= 2100, v == v.rounded(), !t.lower.contains(",") { value = nil }
            if value != nil, (i + 1 < tokens.count && DateText.months[tokens[i + 1].lower] != nil)
                || (i > 0 && DateText.months[tokens[i - 1].lower] != nil) { value = nil }
            if let v = value, i + 1 < tokens.count, tokens[i + 1].kind != .punct, !["hours", "days", "pct", "percent", "%", "years", "mln", "dlrs"].contains(tokens[i + 1].lower) {
                if !seen || (i > 0 && tokens[max(from, i - 8)..<i].contains { $0.lower == "and" }) {
                    total += v
                    seen = true
                }
            }
            i += 1
        }
        return seen ? Quantity(value: total) : nil
    }

    /// `Double(text.replacingOccurrences(of: ",", with: ""))`, without Foundation for ASCII text.
    private static func number(_ text: String) -> Double? {
        var comma = false
        for b in text.utf8 {
            if b >= 0x80 { return Double(text.replacingOccurrences(of: ",", with: "")) }
            if b == 0x2C { comma = true }
        }
        guard comma else { return Double(text) }
        return Double(String(decoding: text.utf8.filter { $0 != 0x2C }, as: UTF8.self))
    }

    /// "At least 26 people died": a toll with no actor (design §3: type null, figures kept).
    private func toll(_ tokens: [Token], mentions: [Mention], document: String, sentence: String, date: @autoclosure () -> Day?)
        -> (Event, EventEvidence)? {
        for (i, t) in tokens.enumerated() {
            var value: Double?
            if t.kind == .number, let v = Self.number(t.lower) { value = v }
            else if let v = (t.lowerID >= 0 ? lex.table.numberWord[Int(t.lowerID)] : nil) { value = v }
            guard let v = value else { continue }
            for k in (i + 1)..<min(tokens.count, i + 6) {
                guard let unit = (tokens[k].lowerID >= 0 ? lex.table.tollUnit[Int(tokens[k].lowerID)] : nil) else { continue }
                if unit == "aboard", tokens[k].lower == "board", tokens[k - 1].lower != "on" { continue }
                let roots = Array(Set(mentions.map(\.actor.root))).sorted()
                let place = roots.first.map { Actor(code: $0, name: $0) }
                let event = Event(source: nil, target: place, type: nil, mode: "other", status: .done,
                                  quantity: Quantity(value: v, unit: unit), date: date(), document: document, quote: sentence)
                return (event, EventEvidence(trigger: "\(t.text) … \(tokens[k].text) (toll)", cues: [], actors: roots))
            }
        }
        return nil
    }
}
