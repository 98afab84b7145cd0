@testable import StorywatchExtract
import StorywatchModel
import Testing

/// One name under several offices: the item's date picks the office held then.
struct TenureTests {
    @Test func tenure_readsYearsAndFullDates() throws {
        let years = try #require(Tenure(attributes: ["years": "2025-2030,2036-"]))
        #expect(years.holds(on: Day(year: 2030, month: 12, day: 31)))
        #expect(!years.holds(on: Day(year: 2033, month: 6, day: 1)))
        #expect(years.holds(on: Day(year: 2040, month: 1, day: 1)))
        let dates = try #require(Tenure(attributes: ["from": "2031-03-02", "until": "2035-09-30"]))
        #expect(!dates.holds(on: Day(year: 2031, month: 3, day: 1)))
        #expect(dates.holds(on: Day(year: 2031, month: 3, day: 2)))
        #expect(Tenure(attributes: ["role": "president"]) == nil)
    }

    @Test(arguments: [(2027, "NORGOV"), (2033, "IGONAT"), (2050, "IGONAT")])
    func find_whenNameHoldsTwoOffices_picksTheOneHeldOnTheDate(year: Int, code: String) throws {
        // Given an invented Norwegian prime minister who later leads an alliance
        let lexicon = try Lexicon.build([
            (name: "people.txt", text: "IGONAT: Ola Brandvik ;; role=secretary-general; from=2031-03-02\n"),
            (name: "people-world.txt", text: "NORGOV: Ola Brandvik ;; role=prime minister; years=2025-2030\n"),
        ])
        var context = ResolutionContext()
        var mentions: [Mention] = []

        // When a sentence naming him is read on a date
        ActorFinder(lex: lexicon, day: Day(year: year, month: 5, day: 1))
            .find(lexicon.tokenize("Ola Brandvik met the envoy."), context: &context, into: &mentions)

        // Then the office he held then names him
        #expect(mentions.first?.actor.code == code)
    }
}
