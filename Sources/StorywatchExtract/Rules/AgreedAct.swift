import StorywatchModel

/// Phenomenon: what is agreed ("agreed to a ceasefire", "agreed to resign") is one act. A thing
/// agreed (a noun) is the agreement; an act agreed (a verb) is promised by whoever agreed.
enum AgreedAct {
    /// Each agreement's status and source as found, kept aside before other rules change them
    /// (only when there is an agreement to read: most sentences have none).
    static func asFound(_ result: [Candidate]) -> [(status: EventStatus, source: Mention?)?] {
        !result.contains { $0.event.type == .agree } ? [] : result.indices.map { i in
            result[i].event.type == .agree ? (status: result[i].event.status, source: result[i].source) : nil
        }
    }

    /// Folds each agreement verb and what it agrees to into one candidate; adds the one folded
    /// away to `dropped`.
    static func fold(_ result: inout [Candidate], agreed: [(status: EventStatus, source: Mention?)?], dropped: inout Set<Int>,
                     _ tokens: [Token], _ lex: Lexicon) {
        for o in result.indices where result[o].event.type == .agree && !result[o].trigger.entry.nominal && !dropped.contains(o)
            && lex.lemmaIsA(tokens[result[o].trigger.anchor], WordClass.assent) {
            let outerEnd = result[o].trigger.end
            guard let outer = agreed[o], outerEnd < tokens.count, (tokens[outerEnd].is(.to) || tokens[outerEnd].is(.on) || tokens[outerEnd].is(.upon)),
                  let i = result.indices.first(where: { $0 != o && !dropped.contains($0)
                      && result[$0].trigger.anchor > outerEnd && result[$0].trigger.anchor - outerEnd <= 4 })
            else { continue }
            if result[i].trigger.entry.nominal {
                // A truce agreed is the agreement of a truce: what storylines hold in force.
                if result[i].event.mode == ActionMode.ceasefire.rawValue { result[o].event.mode = ActionMode.ceasefire.rawValue }
                dropped.insert(i)
            } else {
                dropped.insert(o)
                // "did not agree to resign" keeps the refusal.
                result[i].event.status = outer.status == .done ? .promised : outer.status
                if let speaker = outer.source {
                    result[i].event.source = speaker.actor
                    result[i].source = speaker
                }
            }
        }
    }
}
