import StorywatchModel

/// What one article's developments amount to as alerts.
package enum Turns {
    /// One article reporting the same turn twice ("proposed a tit-for-tat move", "proposed
    /// expelling 35 diplomats") gives one alert: a vague action ("measures") yields to a
    /// specific one of its type in the same turn (an answer by force does not yield to arrests),
    /// and the same action told twice is told once.
    package static func onePerTurn(_ developments: [Development]) -> [Development] {
        func sameTurn(_ a: Development, _ b: Development) -> Bool {
            // Proposing, demanding, threatening or promising the same answer is one stance.
            let sameStance = a.event.status == b.event.status || (a.event.status.isIntent && b.event.status.isIntent)
            return a.kind == b.kind && a.storyline.id == b.storyline.id && a.event.side == b.event.side && sameStance
        }
        return developments.filter { d in
            !developments.contains { other in
                guard other.id != d.id, sameTurn(d, other) else { return false }
                if d.event.mode == "other" && other.event.mode != "other" && d.event.type == other.event.type { return true }
                // The same action twice: keep the first.
                return d.event.family == other.event.family && other.event.order < d.event.order
            }
        }
    }
}
