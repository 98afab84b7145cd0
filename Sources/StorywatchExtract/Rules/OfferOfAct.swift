/// Phenomenon: a stance on an offer or a demand of an act ("rejected an offer of talks"): the
/// stance is taken on the offer; what the offer holds is no event of its own.
enum OfferOfAct {
    /// Clears both links of each chain of cue verbs (a governor governed itself) and returns
    /// the candidates of such chains but the outermost: no event.
    static func dropOffers(_ governor: inout [Int?]) -> Set<Int> {
        var dropped = Set<Int>()
        let found = governor
        for i in found.indices {
            guard let o = found[i], found[o] != nil else { continue } // o governs i and is governed itself
            dropped.insert(i)
            dropped.insert(o)
            governor[i] = nil
            governor[o] = nil
        }
        return dropped
    }
}
