import StorywatchModel
@testable import StorywatchTrack

/// Actors and events for the tracker tests: a Norway – Belarus diplomatic row that turns violent.
enum Given {
    static let norway = Actor(code: "NOR", name: "Norway")
    static let oslo = Actor(code: "NORGOV", name: "Oslo")
    static let belarus = Actor(code: "BLR", name: "Belarus")
    static let minsk = Actor(code: "BLRGOV", name: "Minsk")
    static let belarusianArmy = Actor(code: "BLRMIL", name: "the Belarusian army")

    /// A day of March 2025; `day` may run past 31 (it counts from 1 March).
    static func march(_ day: Int) -> Day {
        Day(year: 2025, month: 3, day: 1).adding(days: day - 1)
    }

    static func event(_ source: Actor?, _ target: Actor?, _ type: EventType?, _ mode: String, _ status: EventStatus,
                      on date: Day?, saidBy: Actor? = nil, quantity: Quantity? = nil,
                      isResponse: Bool = false, isBreach: Bool = false,
                      document: String = "norway-belarus.txt", quote: String) -> Event {
        Event(source: source, target: target, saidBy: saidBy, type: type, mode: mode, status: status,
              quantity: quantity, date: date, document: document, quote: quote,
              isResponse: isResponse, isBreach: isBreach)
    }

    /// A fresh Belarus – Norway storyline.
    static func dyad() -> StorylineState {
        StorylineState(id: StorylineKey.id(sides: ["BLR", "NOR"]), roots: ["BLR", "NOR"])
    }
}

extension Tracker {
    /// Records events one after the other and returns the development of each.
    func recordAll(_ events: [Event], in state: inout StorylineState) -> [Development?] {
        events.map { record($0, in: &state) }
    }
}
