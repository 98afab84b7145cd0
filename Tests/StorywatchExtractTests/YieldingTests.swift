@testable import StorywatchExtract
import StorywatchModel
import Testing

/// Giving way (`actions.txt` CONCEDE idioms), a phrasal verb's particle that is no preposition
/// (`ReducedRelative.isParticle`), and a refusal on terms (`SentenceReader.onTerms`).
@Suite struct YieldingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var type: EventType?
        var status: EventStatus?
        var source: String?
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        // Yielding idioms, in the simple past after the subject: the particle "in" opens no
        // place phrase, so the subject is the one giving way, not a passive's victim.
        Case(sentence: "Togo caved in to pressure from Ghana on Friday.", type: .concede, status: .done, source: "TGO"),
        Case(sentence: "The Togolese cabinet climbed down over the fuel levy.", type: .concede, status: .done, source: "TGO"),
        Case(sentence: "Ghana's trade minister bowed to pressure and withdrew the quota.", type: .concede, status: .done, source: "GHA"),
        Case(sentence: "Togo has refused to give ground on the border tolls.", type: .concede, status: .refused, source: "TGO"),
        // A refusal on terms leaves the act open: the condition is the news, not a no.
        Case(sentence: "Togo would not give ground on transit fees without a pledge of road repairs.", type: .concede, status: .considered,
             source: "TGO"),
        Case(sentence: "Ghana will not sign the accord unless Togo reopens the road.", type: .support, status: .considered,
             source: "GHA"),
        // Traps: a refusal of a noun's act "without" a manner phrase stays a refusal; other
        // senses of the idioms name no party.
        Case(sentence: "Togo rejected the offer without debate.", type: .agree, status: .refused, source: "TGO"),
        Case(sentence: "The roof of the old market caved in after the storm.", type: nil, status: nil, source: nil),
        Case(sentence: "Hikers could not climb down the ridge before dark.", type: nil, status: nil, source: nil),
    ]

    @Test(arguments: cases) func extract_readsGivingWay(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        guard let type = c.type else {
            #expect(events.allSatisfy { $0.type != .concede }, "\(events.map(\.family))")
            return
        }
        let event = try #require(events.first { $0.type == type }, "no \(type) among \(events.map(\.family))")
        #expect(event.status == c.status)
        #expect(event.source?.root == c.source)
    }

    /// A participle right after a noun and before "in" is still a reduced passive when "in"
    /// is no particle of the phrase matched ("two soldiers killed in the north").
    @Test func extract_keepsReducedPassiveWithoutParticle() throws {
        let events = try Shipped.extractor().extract(text: "Ghanaian troops shelled in the north by Togo withdrew.", document: "test.txt")
        let force = try #require(events.first { $0.type == .assault }, "\(events.map(\.family))")
        #expect(force.source?.root == "TGO")
        #expect(force.target?.root == "GHA")
    }
}

/// Workers by trade (`roles.txt`): a strike of theirs is a walkout, never force; a stopping verb
/// with an object of its own after the noun tells what the strike stopped, not that it ended
/// (`SentenceReader.stopsSomethingElse`).
@Suite struct TradeStrikeTests {
    static let cases: [(sentence: String, type: EventType, status: EventStatus)] = [
        ("Strikes by Ghanaian miners entered a third week.", .protest, .done),
        ("A strike by Togolese port workers halted exports.", .protest, .done),
        ("Togolese nurses began a strike over unpaid wages.", .protest, .done),
        // A strike called is still to come.
        ("Togo's opposition called for a general strike next week.", .protest, .promised),
        // A walkout called off is a concession by those who struck.
        ("The strike by Togolese dockers was halted on Monday.", .concede, .done),
        // Traps: force by an armed party stays force, and what a raid ends is the truce.
        ("Ghanaian jets carried out strikes on rebel camps.", .assault, .done),
        ("The Ghanaian raid ended the truce with Togo.", .assault, .done),
    ]

    @Test(arguments: cases) func extract_readsStrikesByTrade(_ c: (sentence: String, type: EventType, status: EventStatus)) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        let event = try #require(events.first { $0.type == c.type }, "no \(c.type) among \(events.map(\.family))")
        #expect(event.status == c.status)
        #expect(!(c.type == .protest && events.contains { $0.type == .assault }), "\(events.map(\.family))")
    }
}
