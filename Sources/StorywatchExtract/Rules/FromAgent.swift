import StorywatchModel

/// Phenomenon: an act named by a noun and followed by "from X" is X's act ("drew sharp
/// criticism from Chile", "faced threats from the rebels"); the clause's subject is then the
/// one it is aimed at, not its agent.
enum FromAgent {
    /// The agent named right after a nominal trigger's `from`, "the" passed over.
    static func agent(of trigger: Trigger, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        guard trigger.entry.nominal, trigger.end < tokens.count, tokens[trigger.end].is(.from) else { return nil }
        return mentions.party(after: trigger.end, tokens)
    }
}
