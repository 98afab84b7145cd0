import StorywatchModel

/// Which storyline an event belongs to (design §2): the dyad of its sides, one side for a
/// domestic story, or a side and its own policy object. Ids come from sides and object words
/// only, never from paths or row ids; a dyad of two states keeps the id of its two roots.
package struct StorylineKey: Sendable, Hashable {
    package var id: String
    /// Sorted sides: two for a dyad, one for a domestic or policy storyline.
    package var sides: [String]

    /// The storyline of `event`; nil when it names no actor at all.
    package static func of(_ event: Event) -> StorylineKey? {
        if let object = event.object, let side = event.side, event.foreignTarget == nil {
            return StorylineKey(id: side + "~" + object.split(separator: " ").joined(separator: "-"), sides: [side])
        }
        guard let sides = sides(of: event) else { return nil }
        return StorylineKey(id: id(sides: sides), sides: sides)
    }

    /// The id of the storyline of these sorted sides.
    package static func id(sides: [String]) -> String { sides.joined(separator: "-") }

    /// Sorted sides of the event's parties; nil when no actor is known at all.
    package static func sides(of event: Event) -> [String]? {
        let first = event.source?.side ?? event.saidBy?.side
        let second = event.target?.side
        switch (first, second) {
        case let (a?, b?) where a != b: return [a, b].sorted()
        case let (a?, _): return [a]
        case let (nil, b?): return [b]
        case (nil, nil): return nil
        }
    }
}
