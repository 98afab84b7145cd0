import StorywatchModel

/// Phenomenon: acts held against someone in a by-phrase ("is investigating alleged abuses by
/// border guards"): the accused are the agents of what is held against them.
enum AccusedAgents {
    static func target(_ s: PartyScope) -> Mention? {
        let (t, tokens) = (s.trigger, s.tokens)
        guard t.entry.type == .accuse, let by = (t.end..<min(tokens.count, t.end + 5)).first(where: { tokens[$0].is(.by) }) else { return nil }
        return s.after { $0.start > by && $0.start <= by + 3 }
    }
}
