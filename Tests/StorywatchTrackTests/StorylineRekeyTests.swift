import StorywatchModel
@testable import StorywatchTrack
import Testing

/// Storylines an earlier version filed by country root, filed again under today's keys.
struct StorylineRekeyTests {
    static let rebels = Actor(code: "BLRREB", name: "Belarusian rebels")

    /// The version before sides kept a government and its country's rebels in one storyline.
    static func oldBelarusStoryline() -> StorylineState {
        var old = StorylineState(id: "BLR", roots: ["BLR"])
        old.append(Given.event(Given.minsk, rebels, .retreat, "ceasefire", .done, on: Given.march(1),
                               quote: "Minsk and the rebels agreed a ceasefire."))
        old.append(Given.event(rebels, Given.belarusianArmy, .assault, "other", .done, on: Given.march(4),
                               quote: "Rebels attacked an army post."))
        return old
    }

    @Test func rekey_whenGovernmentAndRebelsShareARoot_filesThemAsADyad() {
        var dyad = Given.dyad()
        dyad.append(Given.event(Given.oslo, Given.minsk, .sanction, "expel", .done, on: Given.march(2),
                                quote: "Oslo expelled two Belarusian diplomats."))

        let rekeyed = StorylineRekey.rekey([Self.oldBelarusStoryline(), dyad])

        #expect(rekeyed.map(\.id) == ["BLR-BLRREB", "BLR-NOR"])
        #expect(rekeyed[0].entries.map(\.event.quote) == ["Minsk and the rebels agreed a ceasefire.", "Rebels attacked an army post."])
        #expect(rekeyed[0].lastDate == Given.march(4))
        #expect(rekeyed[1].entries.map(\.event.quote) == ["Oslo expelled two Belarusian diplomats."])
    }

    @Test func rekey_whenStorylinesAreCurrent_keepsThemAsTheyAre() {
        let once = StorylineRekey.rekey([Self.oldBelarusStoryline()])
        let twice = StorylineRekey.rekey(once)
        #expect(twice.map(\.id) == once.map(\.id))
        #expect(twice.map { $0.entries.map(\.event) } == once.map { $0.entries.map(\.event) })
    }

    @Test func rekey_whenADenialWasCopiedToItsSide_keepsOneCopyInEach() {
        let denial = Given.event(Given.minsk, Given.oslo, .coerce, "cyber", .denied, on: Given.march(5),
                                 quote: "Minsk denied hacking Norwegian ministries.")
        var dyad = Given.dyad()
        dyad.append(denial)
        var own = StorylineState(id: "BLR", roots: ["BLR"])
        own.append(denial)

        let rekeyed = StorylineRekey.rekey([dyad, own])

        #expect(rekeyed.map(\.id) == ["BLR", "BLR-NOR"])
        #expect(rekeyed.allSatisfy { $0.entries.map(\.event) == [denial] })
    }
}
