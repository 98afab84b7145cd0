import StorywatchModel

/// Phenomenon: a word of force whose other sense is industrial action ("strikes", "a strike")
/// means a walkout when organised labour is the party, when people are "on" it, or when it is
/// balloted or voted on ("unions will ballot members on strikes", "staff were on strike"), when
/// people or firms are its agents, or when the noun has no agent and no one is hurt ("strikes
/// spread to the ports"; force with no agent leaves victims).
enum LabourSense {
    /// The force read from `trigger` is industrial action instead.
    static func isWalkout(_ trigger: Trigger, source: Actor?, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Bool {
        guard trigger.entry.type == .assault, lex.lemmaIsA(tokens[trigger.anchor], WordClass.walkout) else { return false }
        if isLabour(source) || mentions.contains(where: { isLabour($0.actor) }) { return true }
        if let source, civilSectors.contains(String(source.code.dropFirst(3).prefix(3))) { return true }
        return (max(0, trigger.anchor - 4)..<trigger.anchor).contains { k in
            tokens[k].is(.on) && k == trigger.anchor - 1 || lex.lemmaIsA(tokens[k], WordClass.ballot)
        }
    }

    /// The noun with no agent named, in a sentence that counts no casualties.
    static func isAgentlessWalkout(_ trigger: Trigger, _ tokens: [Token], lex: Lexicon) -> Bool {
        trigger.entry.type == .assault && trigger.entry.nominal && lex.lemmaIsA(tokens[trigger.anchor], WordClass.walkout)
            && !tokens.contains { lex.tollUnit($0) != nil }
    }

    /// A walkout called off is a concession to the other side (PLOVER CONCEDE), not a protest
    /// undone; pressed "to call off" a strike, no one has conceded yet.
    static func isConcession(type: EventType, mode: String, status: EventStatus, statusCue: Cue?, _ tokens: [Token]) -> Bool {
        guard type == .protest, mode == ActionMode.strike.rawValue, status == .cancelled, let cue = statusCue else { return false }
        return cue.start == 0 || !tokens[cue.start - 1].is(.to)
    }

    /// Sectors that take no arms: a strike of theirs is a walkout.
    private static let civilSectors: Set<String> = ["CVL", "BUS", "EDU", "MED", "HLH"]

    private static func isLabour(_ actor: Actor?) -> Bool {
        actor.map { $0.code.dropFirst(3).hasPrefix("LAB") } ?? false
    }
}
