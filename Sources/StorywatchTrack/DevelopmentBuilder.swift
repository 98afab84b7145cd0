import StorywatchModel

/// Gives a development its stable id, its storyline reference and its one-glance summary.
enum DevelopmentBuilder {
    static func make(kind: DevelopmentKind, event: Event, previous: Event?, storyline: StorylineState) -> Development {
        let ref = StorylineRef(id: storyline.id, title: title(storyline.roots, event: event), actors: storyline.roots)
        return Development(id: id(kind: kind, storyline: storyline.id, event: event), kind: kind,
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

    static func title(_ roots: [String], event: Event) -> String {
        let parties = roots.joined(separator: " – ")
        return "\(parties): \(actionPhrase(event))"
    }

    static func actionPhrase(_ e: Event) -> String {
        guard let type = e.type else { return e.quantity.map { "\(formatted($0.value)) \($0.unit ?? "")" } ?? "incident" }
        if e.mode == "other" { return type.rawValue.lowercased() }
        return "\(type.rawValue.lowercased()) (\(e.mode))"
    }

    static func summary(kind: DevelopmentKind, event e: Event, previous p: Event?) -> String {
        let who = e.side.flatMap { side in [e.saidBy, e.source].compactMap { $0 }.first { $0.root == side }?.name } ?? "A party"
        let target = e.target.map { " against \($0.name)" } ?? ""
        let what = actionPhrase(e)
        let head: String = switch kind {
        case .reversal: "\(who) reverses on \(what)\(target): now \(e.status.rawValue)"
        case .fulfilled: "\(who) carries out \(what)\(target)"
        case .retaliation: "\(who) retaliates\(target) with \(what) (\(e.status.rawValue))"
        case .violation: "Truce violation: \(who) \(what)\(target)"
        case .escalation: "Escalation: \(who) \(what)\(target)"
        case .deEscalation: "De-escalation: \(who) \(what)\(target)"
        case .update: "Update: \(what)"
        case .new: "New storyline: \(who) \(what)\(target) (\(e.status.rawValue))"
        }
        var text = "\(head): '\(short(e.quote))'"
        if let p {
            let pWho = p.side.flatMap { side in [p.saidBy, p.source].compactMap { $0 }.first { $0.root == side }?.name } ?? "earlier"
            text += ", after \(pWho) \(p.status.rawValue) it (\(fileName(p.document)))"
        }
        return text
    }

    static func short(_ quote: String) -> String {
        quote.count <= 160 ? quote : String(quote.prefix(157)) + "..."
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func formatted(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
