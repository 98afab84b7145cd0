import StorywatchModel

/// Gives a development its stable id, its storyline reference and its one-glance summary:
/// "Norway rules out the expulsion of Belarus' diplomats, reversing its earlier proposal."
struct DevelopmentBuilder {
    var names: [String: String]

    func make(kind: DevelopmentKind, event: Event, previous: Event?, storyline: StorylineState) -> Development {
        let ref = StorylineRef(id: storyline.id, title: title(storyline.roots, event: event), actors: storyline.roots)
        return Development(id: Self.id(kind: kind, storyline: storyline.id, event: event), kind: kind,
                           summary: summary(kind: kind, event: event, previous: previous),
                           storyline: ref, event: event, previous: previous)
    }

    /// Derived from what the development says — storyline, kind, side, status, normalised
    /// quote — so any pass over the same articles gives the same id (design §3).
    static func id(kind: DevelopmentKind, storyline: String, event: Event) -> String {
        let basis = [storyline, kind.rawValue, event.side ?? "-", event.status.rawValue, event.family,
                     ContentHash.canonical(event.quote)].joined(separator: "|")
        return "sw_" + String(ContentHash.hex(basis).prefix(32))
    }

    func name(_ root: String?) -> String {
        guard let root else { return "Unknown party" }
        return names[root] ?? root
    }

    func title(_ roots: [String], event: Event) -> String {
        "\(roots.map { name($0) }.joined(separator: " – ")): \(topic(event))"
    }

    func topic(_ e: Event) -> String {
        guard let type = e.type else { return e.quantity?.unit.map { "\($0) toll" } ?? "incident" }
        return e.mode == "other" ? type.rawValue.lowercased() : "\(type.rawValue.lowercased()) (\(e.mode))"
    }

    /// One plain sentence, no quote in it (the alert carries the quote as evidence):
    /// "Belarus expels Norway's diplomats in response to Norway's sanctions on Belarus."
    func summary(kind: DevelopmentKind, event e: Event, previous p: Event?) -> String {
        let clause = "\(name(e.side, start: true)) \(stance(e))"
        guard let p else { return clause + "." }
        let its = p.side == e.side ? "its" : ActionPhrase.possessive(name(p.side, start: false))
        let earlier = "\(its) earlier \(Self.stanceNoun(p.status))"
        let theirs = "\(its) \(phrase(p).noun)"
        return switch kind {
        case .new: clause + "."
        case .reversal: "\(clause), reversing \(earlier)."
        case .fulfilled: "\(clause), carrying out \(earlier)."
        case .retaliation: "\(clause) in response to \(theirs)."
        case .violation: "\(clause), breaking the \(phrase(p, seenFrom: e.side).noun)."
        case .escalation: "\(clause), escalating after \(theirs)."
        case .deEscalation: "\(clause), stepping back from \(theirs)."
        case .update: "\(clause)\(Self.change(from: p.quantity, to: e.quantity, typed: e.type != nil))."
        }
    }

    /// A party's display name; "An unnamed party" when none, capitalised to open a sentence.
    func name(_ root: String?, start: Bool) -> String {
        let text = root == nil ? "an unnamed party" : name(root)
        return start ? text.prefix(1).uppercased() + text.dropFirst() : text
    }

    /// The action with its status, after the subject: "threatens sanctions on Norway", "denies
    /// Minsk's attacks on Norway" (a speaker's claim about another party's act names that party).
    func stance(_ e: Event) -> String {
        let phrase = phrase(e)
        let owner = e.source.flatMap { $0.root != e.side ? name($0.root) : nil }
        let noun = owner.map { "\(ActionPhrase.possessive($0)) \(phrase.noun)" } ?? phrase.withArticle
        return switch e.status {
        case .done: phrase.verb
        case .threatened: e.type == .threaten ? phrase.verb : "threatens \(noun)"
        case .proposed: "proposes \(noun)"
        case .demanded: "demands \(noun)"
        case .promised: "promises \(noun)"
        case .considered: "considers \(noun)"
        case .refused: "rules out \(noun)"
        case .denied: "denies \(noun)"
        case .admitted: "admits \(noun)"
        case .cancelled: "calls off \(noun)"
        }
    }

    /// The event's action; with no type, its policy ("the fuel duty plan") or its figure. Seen
    /// from `side`, an action towards that side names its other party: Azerbaijan breaks "the
    /// ceasefire with Armenia", not "with Azerbaijan".
    func phrase(_ e: Event, seenFrom side: String? = nil) -> ActionPhrase {
        if let type = e.type {
            let other = side != nil && e.target?.side == side ? e.source?.root : e.target?.root
            return ActionPhrase.of(type: type, mode: e.mode, to: other.map { name($0) })
        }
        if let object = e.object { return ActionPhrase(verb: "goes ahead with the \(object)", noun: object, article: "the") }
        guard let q = e.quantity else { return ActionPhrase(verb: "reports an incident", noun: "incident", article: "an") }
        let figure = "\(Self.number(q.value))\(q.unit.map { " " + $0 } ?? "")"
        return ActionPhrase(verb: "reports \(figure)", noun: "figure of \(figure)", article: "a")
    }

    /// ", up from 26": how a figure moved, when both ends have one; an action's figure is named
    /// ("; the figure is now 35 dead, up from 26").
    static func change(from old: Quantity?, to new: Quantity?, typed: Bool) -> String {
        guard let old, let new, old.value != new.value else { return ", updating an earlier report" }
        let now = typed ? "; the figure is now \(number(new.value))\(new.unit.map { " " + $0 } ?? "")" : ""
        return "\(now), \(new.value > old.value ? "up" : "down") from \(number(old.value))"
    }

    /// The earlier stance a reversal turns from or a fulfilment carries out.
    static func stanceNoun(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposal"
        case .demanded: "demand"
        case .threatened: "threat"
        case .promised: "promise"
        case .considered: "plan"
        case .done: "action"
        case .refused: "refusal"
        case .denied: "denial"
        case .admitted: "admission"
        case .cancelled: "decision to call it off"
        }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
