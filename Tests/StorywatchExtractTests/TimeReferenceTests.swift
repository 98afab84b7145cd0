@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `TimeReference`: a temporal clause that only dates the main act, on sentences written for the rule.
struct TimeReferenceTests {
    static let dated: [(sentence: String, main: EventType, setting: EventType)] = [
        ("Ghana recalled its ambassador from Togo on Friday, two days after Togolese police detained three Ghanaian traders.", .sanction, .coerce),
        ("Chilean troops pulled out of the valley, hours before Peruvian jets bombed the bridge.", .retreat, .assault),
        ("Peru's cabinet said it would impose a curfew as riots spread through Arequipa and rebels attacked a barracks.", .coerce, .assault),
    ]

    @Test(arguments: 0..<dated.count)
    func extract_whenClauseOnlyDatesTheAct_keepsTheMainActAlone(_ k: Int) throws {
        let (sentence, main, setting) = Self.dated[k]
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        #expect(events.contains { $0.type == main }, "\(events.map(\.family))")
        #expect(!events.contains { $0.type == setting }, "\(events.map(\.family))")
    }

    // Trap: a plain "after" clause still reports a fact.
    @Test func extract_whenAfterClauseIsUnmeasured_keepsItsFact() throws {
        let events = try Shipped.extractor().extract(
            text: "Ghana recalled its ambassador after Togolese police detained three Ghanaian traders.", document: "t.txt")
        #expect(events.contains { $0.type == .sanction })
        #expect(events.contains { $0.type == .coerce })
    }
}

/// `AgentlessForce`: force in the passive with no agent keeps the sentence's toll beside it (the
/// parties of such force, `NestedPlace` and `OwnForces` are in `PartiesPhenomenaTests`).
struct AgentlessForceTollTests {
    @Test func extract_whenAgentlessForceGivesAToll_keepsTheToll() throws {
        let events = try Shipped.extractor().extract(text: "Twelve Chilean policemen were killed in Bolivia on Sunday.", document: "t.txt")
        #expect(events.contains { $0.type == .assault && $0.target?.root == "CHL" })
        #expect(events.contains { $0.type == nil && $0.quantity?.value == 12 })
    }
}
