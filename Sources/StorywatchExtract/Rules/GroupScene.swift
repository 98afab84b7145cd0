/// Phenomenon: a group with no country of its own that opens its clause ("Rebels kidnapped six
/// Chilean soldiers in Peru", "Militants shelled an army post near Kabul") is of the place the
/// clause happens in, not of the country of the ones it acts on.
enum GroupScene {
    /// The placed mention (of `placed`) whose country the group mention `k` takes: the first
    /// place named after a locative later in its clause, when no country is named before the group.
    static func place(of k: Int, _ mentions: [Mention], _ placed: [Int], _ tokens: [Token], lex: Lexicon) -> Int? {
        let group = mentions[k]
        guard !group.isPerson, !placed.contains(where: { mentions[$0].start < group.start }) else { return nil }
        return placed.first { i in
            let m = mentions[i]
            guard m.start >= group.end, !m.isPerson, !m.isEdge else { return false }
            let head = m.start > 1 && tokens[m.start - 1].is(.the) ? m.start - 2 : m.start - 1
            return lex.isA(tokens[head], WordClass.locative)
                && !(group.end..<m.start).contains { lex.isA(tokens[$0], WordClass.clauseEnd | WordClass.clauseStop) }
        }
    }
}
