import Foundation
import StorywatchModel
@testable import StorywatchTrack
import Testing

struct StorylineKeyTests {
    private func event(source: Actor?, target: Actor?, saidBy: Actor? = nil) -> Event {
        Given.event(source, target, .sanction, "expel", .done, on: Given.march(1), saidBy: saidBy,
                    quote: "Norway expelled five Belarusian diplomats.")
    }

    @Test func roots_whenTwoParties_returnsSortedDyadOfRoots() {
        // Given Oslo acting against the Belarusian army
        let e = event(source: Given.oslo, target: Given.belarusianArmy)

        // When its roots are taken
        let roots = StorylineKey.sides(of: e)

        // Then they are the two roots, sorted, suffixes dropped
        #expect(roots == ["BLR", "NOR"])
    }

    @Test func roots_whenSourceAndTargetShareRoot_returnsSingleRoot() {
        // Given the Norwegian government acting on Norway (a domestic story)
        let e = event(source: Given.oslo, target: Given.norway)

        // When its roots are taken
        let roots = StorylineKey.sides(of: e)

        // Then the storyline has one root
        #expect(roots == ["NOR"])
    }

    @Test func roots_whenOnlySource_returnsSingleRoot() {
        // Given an action with no target
        let e = event(source: Given.minsk, target: nil)

        // When its roots are taken
        let roots = StorylineKey.sides(of: e)

        // Then the storyline is the source's own
        #expect(roots == ["BLR"])
    }

    @Test func roots_whenNoSource_usesSaidBy() {
        // Given a denial whose actor is unnamed, spoken by Belarus, about Norway
        let e = event(source: nil, target: Given.norway, saidBy: Given.belarus)

        // When its roots are taken
        let roots = StorylineKey.sides(of: e)

        // Then the speaker stands in for the source
        #expect(roots == ["BLR", "NOR"])
    }

    @Test func roots_whenNoActorAtAll_returnsNil() {
        // Given an event with no party
        let e = event(source: nil, target: nil)

        // When its roots are taken
        let roots = StorylineKey.sides(of: e)

        // Then there is no storyline
        #expect(roots == nil)
    }

    @Test func id_whenDyad_joinsRootsWithDash() {
        // Given a dyad's roots
        // When its id is made
        let id = StorylineKey.id(sides: ["BLR", "NOR"])

        // Then it is derived from the roots alone
        #expect(id == "BLR-NOR")
    }
}

struct StorylineStateEncodingTests {
    @Test func encoded_whenDecoded_givesTheSameState() {
        // Given a storyline with events carrying every optional field, set and unset
        var state = StorylineState(id: "BLR-NOR", roots: ["BLR", "NOR"])
        let full = Event(source: Actor(code: "NORGOV", name: "Kari Nordmann", role: "foreign minister"),
                         target: Actor(code: "BLR", name: "Belarus"), saidBy: Actor(code: "NOR", name: "Norway"),
                         type: .sanction, mode: "expel", status: .proposed, quantity: Quantity(value: 12.5, unit: "dead"),
                         date: Day(year: 2026, month: 3, day: 2), document: "a/b.txt", quote: "Norway «proposes» ✓ — 12",
                         isResponse: true, isBreach: false, order: 7)
        let bare = Event(source: nil, target: nil, type: nil, mode: "other", status: .done, document: "c.txt", quote: "x")
        state.entries = [ThreadEntry(event: full, sequence: 3), ThreadEntry(event: bare, sequence: 4)]
        state.nextSequence = 5
        state.lastDate = Day(year: 2026, month: 3, day: 2)

        // When it is encoded and decoded
        let decoded = StorylineState.decode(state.encoded())

        // Then nothing is lost
        #expect(decoded == state)
    }

    @Test func decode_whenBytesAreTruncated_givesNil() {
        // Given an encoded state cut short
        var state = StorylineState(id: "NOR", roots: ["NOR"])
        state.entries = [ThreadEntry(event: Event(source: nil, target: nil, type: .assault, mode: "aerial", status: .done,
                                                  document: "d.txt", quote: "q"), sequence: 0)]
        let bytes = state.encoded()

        // Then decoding refuses it rather than inventing a state
        #expect(StorylineState.decode(bytes.prefix(bytes.count - 3)) == nil)
    }

    @Test func decode_whenStateWasStoredAsJSON_readsIt() throws {
        // Given a state stored by an earlier version as JSON
        let state = StorylineState(id: "NOR", roots: ["NOR"])
        let json = try JSONEncoder().encode(state)

        // Then it is still read
        #expect(StorylineState.decode(json) == state)
    }
}
