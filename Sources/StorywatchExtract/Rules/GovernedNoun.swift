import StorywatchModel

/// Phenomenon: an action noun a verb governs names no act of its own: one of the verb's kind
/// is the same act ("would host a meeting", "attended the summit"); what a complaint is about
/// is its topic ("condemned the arrests", "complained over two air raids"); what coercion bans
/// or stops is its object ("banned all demonstrations"), and so is the request a refusal turns down.
enum GovernedNoun {
    static func drop(_ kept: inout [Int], _ s: SelectionScope) {
        let (all, tokens) = (s.all, s.tokens)
        kept = kept.filter { c in
            let noun = all[c].trigger
            guard noun.entry.nominal, !NamedDeal.isNamedDeal(all[c], tokens, s.mentions, lex: s.lex) else { return true }
            return !kept.contains { d in
                let verb = all[d].trigger
                guard !verb.entry.nominal, verb.end <= noun.anchor else { return false }
                let between = verb.end..<noun.anchor
                if all[d].event.type == all[c].event.type, between.count <= 3 { return true }
                // "banned all demonstrations": what coercion stops or bans is its object, not an act done.
                if all[d].event.type == .coerce, between.count <= 3 { return true }
                // "dismissed an appeal from…": the request a refusal turns down is its object.
                if all[d].event.type == .reject, all[c].event.type == .request, between.count <= 3 { return true }
                guard [.accuse, .protest].contains(all[d].event.type), all[c].event.type != .accuse else { return false }
                return between.count <= 3 || (between.count <= 10 && !between.contains { tokens[$0].is(.comma) }
                    && between.contains { tokens[$0].is(.over) || tokens[$0].is(.about) || tokens[$0].is(.for) || tokens[$0].is(.against) })
            }
        }
    }
}
