import StorywatchModel
import Testing
@testable import StorywatchTrack

/// `Turns.onePerTurn`: one article's developments of the same turn give one alert.
struct TurnsTests {
    /// Two retaliations by one side in one article, recorded in order.
    private func answers(_ first: (EventType, String), _ second: (EventType, String)) -> [Development] {
        let tracker = Tracker()
        var state = Given.dyad()
        let insult = Given.event(Given.minsk, Given.oslo, .sanction, "expel", .done, on: Given.march(1), quote: "Minsk expelled two Norwegian diplomats.")
        _ = tracker.record(insult, in: &state)
        var a = Given.event(Given.oslo, Given.minsk, first.0, first.1, .done, on: Given.march(3), isResponse: true, quote: "Oslo answered at once.")
        a.order = 1
        var b = Given.event(Given.oslo, Given.minsk, second.0, second.1, .done, on: Given.march(3), isResponse: true, quote: "Oslo also acted.")
        b.order = 2
        return [a, b].compactMap { tracker.record($0, in: &state) }
    }

    @Test func onePerTurn_whenVagueMeasureAndSpecificOneOfItsType_keepsTheSpecific() {
        let developments = answers((.sanction, "other"), (.sanction, "expel"))
        #expect(developments.count == 2)
        let kept = Turns.onePerTurn(developments)
        #expect(kept.map(\.event.mode) == ["expel"])
    }

    /// An answer by force does not yield to arrests told beside it: they are two acts.
    @Test func onePerTurn_whenVagueActOfAnotherType_keepsBoth() {
        let developments = answers((.assault, "other"), (.coerce, "arrest"))
        #expect(developments.count == 2)
        #expect(Turns.onePerTurn(developments).count == 2)
    }
}
