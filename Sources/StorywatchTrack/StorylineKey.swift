import StorywatchModel

/// Which storyline an event belongs to (design §2): the dyad of its actor roots, or one root
/// for a domestic story. Ids come from roots only, never from paths or row ids.
package enum StorylineKey {
    /// Sorted roots of the event's parties; nil when no actor is known at all.
    package static func roots(of event: Event) -> [String]? {
        let first = event.source?.root ?? event.saidBy?.root
        let second = event.target?.root
        switch (first, second) {
        case let (a?, b?) where a != b: return [a, b].sorted()
        case let (a?, _): return [a]
        case let (nil, b?): return [b]
        case (nil, nil): return nil
        }
    }

    package static func id(roots: [String]) -> String { roots.joined(separator: "-") }
}
