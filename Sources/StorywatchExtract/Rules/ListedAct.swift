import StorywatchModel

/// Phenomenon: one act named in a list ("fired shells, mortars and rockets at…"): the items
/// with no agent of their own are the act that has one.
enum ListedAct {
    static func drop(_ kept: inout [Int], _ s: SelectionScope) {
        let all = s.all
        kept = kept.filter { c in
            all[c].source != nil || !kept.contains { d in
                all[d].source != nil && all[d].event.family == all[c].event.family && all[d].event.status == all[c].event.status
                    && (all[c].event.target == nil || all[d].event.target?.root == all[c].event.target?.root)
            }
        }
    }
}
