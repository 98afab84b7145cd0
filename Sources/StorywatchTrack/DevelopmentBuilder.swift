import StorywatchModel

/// Gives a development its stable id, its storyline reference and its one-glance summary:
/// "Russia reverses on expelling United States diplomats: Putin says 'We will not expel
/// anybody.', after Lavrov proposed it (000.txt)".
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

    /// The action as a noun phrase, towards the target: "expelling United States diplomats".
    func action(_ e: Event) -> String {
        let to = e.target.map { name($0.root) }
        let against = to.map { " against \($0)" } ?? ""
        switch (e.type, e.mode) {
        case (.sanction?, "expel"): return "expelling \(to.map { $0 + " " } ?? "")diplomats"
        case (.sanction?, "withdraw"): return "recalling its envoy\(to.map { " from " + $0 } ?? "")"
        case (.sanction?, "discontinue"): return "sanctions\(to.map { " on " + $0 } ?? "")"
        case (.sanction?, _): return "retaliatory measures\(against)"
        case (.coerce?, "cyber"): return "hacking\(to.map { " " + $0 } ?? "")"
        case (.coerce?, "misinformation"): return "election interference\(to.map { " in " + $0 } ?? "")"
        case (.coerce?, _): return "coercion\(against)"
        case (.assault?, _): return "attacks\(to.map { " on " + $0 } ?? "")"
        case (.mobilize?, _): return "a military build-up\(against)"
        case (.retreat?, "ceasefire"): return "a ceasefire\(to.map { " with " + $0 } ?? "")"
        case (.retreat?, _): return "a withdrawal\(to.map { " from " + $0 } ?? "")"
        case (.consult?, _): return "talks\(to.map { " with " + $0 } ?? "")"
        case (.agree?, _): return "an agreement\(to.map { " with " + $0 } ?? "")"
        case (.aid?, _): return "aid or arms\(to.map { " to " + $0 } ?? "")"
        case (.concede?, _): return "concessions\(to.map { " to " + $0 } ?? "")"
        case (let type?, _): return "\(type.rawValue.lowercased())\(against)"
        case (nil, _):
            guard let q = e.quantity else { return "an incident" }
            return "\(Self.number(q.value)) \(q.unit ?? "")"
        }
    }

    func topic(_ e: Event) -> String {
        guard let type = e.type else { return e.quantity?.unit.map { "\($0) toll" } ?? "incident" }
        return e.mode == "other" ? type.rawValue.lowercased() : "\(type.rawValue.lowercased()) (\(e.mode))"
    }

    /// Who says it: the speaker's own name when one is named ("Putin"), else the side.
    func speaker(_ e: Event) -> String {
        if let said = e.saidBy { return said.name }
        if let source = e.source { return source.name }
        return name(e.side)
    }

    func summary(kind: DevelopmentKind, event e: Event, previous p: Event?) -> String {
        let side = name(e.side)
        var what = action(e)
        // "Trump admits Russia's hacking": an assertion about another party's act names the actor.
        if let source = e.source?.root, source != e.side { what = "\(name(source))'s \(what)" }
        let quote = "'\(Self.short(e.quote))'"
        let head: String = switch kind {
        case .reversal: "\(side) reverses on \(what): \(speaker(e)) \(Self.verb(e.status)) \(quote)"
        case .fulfilled: "\(side) carries out \(what): \(quote)"
        case .retaliation: "\(side) answers with \(what) (\(e.status.rawValue)): \(quote)"
        case .violation: "Truce violated: \(e.source.map { name($0.root) } ?? "an unnamed party") \(what): \(quote)"
        case .escalation: "Escalation: \(e.type == nil ? what : "\(side) \(what)"): \(quote)"
        case .deEscalation: "De-escalation: \(side) \(what): \(quote)"
        case .update: "Figure changed: \(what): \(quote)"
        case .new: "New storyline: \(side) \(what) (\(e.status.rawValue)): \(quote)"
        }
        guard let p else { return head }
        let file = Self.fileName(p.document)
        switch kind {
        case .retaliation:
            return head + ", answering \(name(p.side))'s \(action(p)) (\(file))"
        case .violation:
            return head + ", breaking \(action(p)) (\(file))"
        case .escalation, .deEscalation, .update:
            return head + ", after \(p.type == nil ? action(p) : "\(name(p.side))'s \(action(p))") (\(file))"
        case .reversal, .fulfilled, .new:
            let figure = p.quantity.map { ", \(Self.number($0.value))" } ?? ""
            return head + ", after \(speaker(p)) \(Self.pastVerb(p.status)) it\(figure) (\(file))"
        }
    }

    /// "Lavrov proposed it", "Peru threatened it", "Norway did it".
    static func pastVerb(_ status: EventStatus) -> String {
        switch status {
        case .done: "did"
        default: status.rawValue
        }
    }

    static func verb(_ status: EventStatus) -> String {
        switch status {
        case .refused: "says"
        case .cancelled: "calls it off:"
        case .admitted: "admits"
        case .denied: "denies"
        case .done: "goes ahead:"
        default: "says"
        }
    }

    static func short(_ quote: String) -> String {
        quote.count <= 160 ? quote : String(quote.prefix(157)) + "..."
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
