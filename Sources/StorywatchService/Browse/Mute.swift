import Foundation
import StorywatchModel
import StorywatchStore

/// `storywatch mute ID [--until DATE]` and `unmute ID`: a muted storyline's developments are
/// still recorded (and shown by `show`, `storylines` and the report) but queue no alert for any
/// webhook, through `until` (inclusive) or for good.
package struct Mute: Sendable {
    package var store: Store
    package var today: Day

    package init(store: Store, today: Day = Day(Date())) {
        self.store = store
        self.today = today
    }

    /// Mutes a stored storyline. Throws `BrowseError.unknownID` for an id no storyline has, and
    /// `MuteError.untilPast` for a last day before today.
    package func mute(id: String, until: Day?) throws {
        guard try store.storyline(id: id) != nil else { throw BrowseError.unknownID(id) }
        if let until, until < today { throw MuteError.untilPast(until) }
        try store.mute(storylineID: id, until: until)
    }

    /// Lifts a mute; returns false when the storyline was not muted.
    package func unmute(id: String) throws -> Bool {
        try store.unmute(storylineID: id)
    }

    /// The mutes that hold on `day`, by storyline id.
    package static func active(store: Store, on day: Day) throws -> [String: StoredMute] {
        try store.mutes().filter { $0.value.holds(on: day) }
    }
}

package enum MuteError: Error, CustomStringConvertible, Equatable {
    case untilPast(Day)

    package var description: String {
        switch self {
        case .untilPast(let day): "--until \(day) is in the past; give today or a later day, or leave it out to mute for good"
        }
    }
}
