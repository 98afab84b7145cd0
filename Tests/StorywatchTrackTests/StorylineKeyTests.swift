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
        let roots = StorylineKey.roots(of: e)

        // Then they are the two roots, sorted, suffixes dropped
        #expect(roots == ["BLR", "NOR"])
    }

    @Test func roots_whenSourceAndTargetShareRoot_returnsSingleRoot() {
        // Given the Norwegian government acting on Norway (a domestic story)
        let e = event(source: Given.oslo, target: Given.norway)

        // When its roots are taken
        let roots = StorylineKey.roots(of: e)

        // Then the storyline has one root
        #expect(roots == ["NOR"])
    }

    @Test func roots_whenOnlySource_returnsSingleRoot() {
        // Given an action with no target
        let e = event(source: Given.minsk, target: nil)

        // When its roots are taken
        let roots = StorylineKey.roots(of: e)

        // Then the storyline is the source's own
        #expect(roots == ["BLR"])
    }

    @Test func roots_whenNoSource_usesSaidBy() {
        // Given a denial whose actor is unnamed, spoken by Belarus, about Norway
        let e = event(source: nil, target: Given.norway, saidBy: Given.belarus)

        // When its roots are taken
        let roots = StorylineKey.roots(of: e)

        // Then the speaker stands in for the source
        #expect(roots == ["BLR", "NOR"])
    }

    @Test func roots_whenNoActorAtAll_returnsNil() {
        // Given an event with no party
        let e = event(source: nil, target: nil)

        // When its roots are taken
        let roots = StorylineKey.roots(of: e)

        // Then there is no storyline
        #expect(roots == nil)
    }

    @Test func id_whenDyad_joinsRootsWithDash() {
        // Given a dyad's roots
        // When its id is made
        let id = StorylineKey.id(roots: ["BLR", "NOR"])

        // Then it is derived from the roots alone
        #expect(id == "BLR-NOR")
    }
}
