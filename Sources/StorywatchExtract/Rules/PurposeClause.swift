import StorywatchModel

/// Phenomenon: a purpose clause ("staged demonstrations to demand reforms", "met Assad to
/// discuss…", "demonstrated calling for independence"): an act done to serve the one before it
/// in its clause is its purpose, not a second event (gerunds after a comma are glosses, `Gloss`).
enum PurposeClause {
    /// Drops the purposes of the first act told outside a background clause.
    static func drop(_ kept: inout [Int], _ s: SelectionScope) {
        guard let first = kept.first(where: { !s.isBackground[$0] }) else { return }
        kept.removeAll { isPurpose($0, of: first, s) }
    }

    private static func isPurpose(_ c: Int, of m: Int, _ s: SelectionScope) -> Bool {
        let (tokens, all) = (s.tokens, s.all)
        let trigger = all[c].trigger, governedAt = all[c].governedAt, main = all[m].trigger
        // "an ultimatum to Syria to stop…": a cue verb before the act opens its phrase.
        var at = governedAt ?? trigger.anchor
        var opensWithCue = false
        if governedAt == nil, let cue = all[c].cue, cue.end == at, cue.start > 0, tokens[cue.start - 1].is(.to) {
            at = cue.start
            opensWithCue = true
        }
        // "blocked roads demanding that…": a gerund read as a noun is still a verb form.
        let gerund = tokens[at].ends(.ing) && !tokens[at].isLemma
        guard !trigger.entry.nominal || governedAt != nil || gerund || opensWithCue, at > main.end,
              // "dismissed claims that Oslo tried to sway the vote": what a cue
              // from the main verb on governs is its content.
              opensWithCue || (all[c].cue.map { $0.start < main.anchor || governedAt != nil } ?? true) else { return false }
        let afterComma = (main.end..<at).contains { tokens[$0].is(.comma) }
        if tokens[at - 1].is(.to) {
            return !afterComma && (all[c].event.type != all[m].event.type || !main.entry.nominal || all[m].source != nil)
        }
        guard tokens[at].ends(.ing), !tokens[at].isLemma else { return false }
        return all[c].event.type != all[m].event.type && !afterComma
    }
}
