/// Phenomenon: a policy named again by its bare noun after a definite determiner or a possessive
/// ("decided to withdraw the bill", "its plan was shelved") is the policy the document named
/// last with its topic ("the tuition fee plan"): one storyline, not a new one.
enum PolicyAnaphora {
    /// Gives each bare, definite stance object the document's last policy; remembers the others.
    static func resolve(_ stances: inout [PolicyStance.Stance], _ tokens: [Token], lastPolicy: inout String?, lex: Lexicon) {
        for k in stances.indices {
            if isBareDefinite(stances[k], tokens, lex: lex), let last = lastPolicy {
                stances[k].object = last
            } else {
                lastPolicy = stances[k].object
            }
        }
    }

    /// The object is the noun alone (no topic words), after a definite determiner or a
    /// possessive ("the bill", "its plan"), not after "a".
    private static func isBareDefinite(_ stance: PolicyStance.Stance, _ tokens: [Token], lex: Lexicon) -> Bool {
        let head = stance.head
        guard head > 0, !stance.object.contains(" ") else { return false }
        let before = tokens[head - 1]
        return (lex.isA(before, WordClass.determiner) || before.is(.possessive)) && !before.is(.a) && !before.is(.an)
    }
}
