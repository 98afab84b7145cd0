import StorywatchModel

/// Phenomenon: a word of force whose other sense is industrial action ("strikes", "a strike")
/// means a walkout when organised labour is the party, when people are "on" it, or when it is
/// balloted or voted on ("unions will ballot members on strikes", "staff were on strike").
enum LabourSense {
    /// The force read from `trigger` is industrial action instead.
    static func isWalkout(_ trigger: Trigger, source: Actor?, _ tokens: [Token], _ mentions: [Mention], lex: Lexicon) -> Bool {
        guard trigger.entry.type == .assault, lex.lemmaIsA(tokens[trigger.anchor], WordClass.walkout) else { return false }
        if isLabour(source) || mentions.contains(where: { isLabour($0.actor) }) { return true }
        return (max(0, trigger.anchor - 4)..<trigger.anchor).contains { k in
            tokens[k].is(.on) && k == trigger.anchor - 1 || lex.lemmaIsA(tokens[k], WordClass.ballot)
        }
    }

    private static func isLabour(_ actor: Actor?) -> Bool {
        actor.map { $0.code.dropFirst(3).hasPrefix("LAB") } ?? false
    }
}
