@testable import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import Testing

/// The events of `text` told in an item dated Wednesday 10 June 2026.
private func eventsOfJune10(_ text: String) throws -> [ExtractedEvent] {
    let document = DocumentParser().parse(text: "SANTIAGO, June 10, 2026 - " + text, path: "w.txt",
                                          fallbackDate: Day(year: 2026, month: 6, day: 10))
    return try Shipped.extractor().extract(document: document)
}

/// The date of the first event of `text` (`eventsOfJune10`).
private func date(of text: String) throws -> Day? {
    try #require(eventsOfJune10(text).first).event.date
}

/// A weekday named in a clause about what is to come lies ahead of the item's date; one in a
/// clause about what happened lies behind it. The item is dated Wednesday 10 June 2026.
struct WeekdayDateTests {
    @Test(arguments: [
        ("Chile will expel four Peruvian diplomats on Friday, officials said.", Day(year: 2026, month: 6, day: 12)),
        ("Peru said it would recall its ambassador from Santiago on Monday.", Day(year: 2026, month: 6, day: 15)),
        // Trap: a past act on a weekday is the last such day.
        ("Peru expelled two Chilean diplomats on Monday.", Day(year: 2026, month: 6, day: 8)),
        ("Chile recalled its ambassador from Lima on Friday, officials said.", Day(year: 2026, month: 6, day: 5)),
        // A month and day after the weekday date the act.
        ("Peru expelled two Chilean diplomats on Monday June 1.", Day(year: 2026, month: 6, day: 1)),
    ])
    func extract_whenWeekdayNamed_datesByTense(_ c: (String, Day)) throws {
        #expect(try date(of: c.0) == c.1)
    }
}

/// "last week", "last month": a week or thirty days before the item's date, where the act or
/// the warning that holds it was told.
struct LastWeekDateTests {
    @Test(arguments: [
        ("Peru warned last week that it would close the border with Chile.", Day(year: 2026, month: 6, day: 3)),
        ("Chile recalled its ambassador from Lima last month.", Day(year: 2026, month: 5, day: 11)),
        // Trap: "the last time" names no week.
        ("Chile recalled its ambassador from Lima, the last time in a decade.", Day(year: 2026, month: 6, day: 10)),
    ])
    func extract_whenLastWeekNamed_datesItBack(_ c: (String, Day)) throws {
        #expect(try date(of: c.0) == c.1)
    }
}

/// "Two days later" counts from the date the text told last, not from the item's date.
struct LaterDateTests {
    @Test(arguments: [
        ("Chile seized a Peruvian trawler on May 30. Two days later Peru detained a Chilean barge.", Day(year: 2026, month: 6, day: 1)),
        ("Chile seized a Peruvian trawler on May 30. A week later Peru detained a Chilean barge.", Day(year: 2026, month: 6, day: 6)),
        // With no date told before, the item's date stands.
        ("Chile seized a Peruvian trawler. Two days later Peru detained a Chilean barge.", Day(year: 2026, month: 6, day: 10)),
    ])
    func extract_whenActToldDaysLater_datesItFromTheLastDateTold(_ c: (String, Day)) throws {
        let detention = try #require(eventsOfJune10(c.0).first { $0.event.source?.root == "PER" })
        #expect(detention.event.date == c.1)
    }
}
