@testable import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import Testing

/// `PolicyStance`: a side's course on a policy of its own, on sentences written for the rule.
struct PolicyStanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var source: String
        var status: EventStatus
        var object: String
        var type: EventType?
        var target: String?
        var testDescription: String { sentence }
    }

    static let stances: [Case] = [
        // A stance verb whose object is a policy noun; the head words key its storyline.
        Case(sentence: "Chile has shelved its plan to raise the mining royalty.", source: "CHL", status: .cancelled,
             object: "mining royalty plan"),
        Case(sentence: "The Danish government scrapped the proposed carbon levy on Tuesday.", source: "DNK", status: .cancelled,
             object: "carbon levy"),
        Case(sentence: "Portugal proposed a new tourist tax for Lisbon.", source: "PRT", status: .proposed, object: "tourist tax"),
        // A passive whose subject is the policy: its owner is the party named before it.
        Case(sentence: "Ghana's fuel subsidy was abandoned after a week of talks.", source: "GHA", status: .cancelled,
             object: "fuel subsidy"),
        // Giving ground on the policy is a concession.
        Case(sentence: "Austria watered down its asylum bill after protests in Vienna.", source: "AUT", status: .done,
             object: "asylum bill", type: .concede),
        // A request withdrawn, with the party it was put to.
        Case(sentence: "Peru withdrew its request that Bolivia hand over the two suspects.", source: "PER", status: .cancelled,
             object: "request", target: "BOL"),
    ]

    /// A policy named again by its bare noun ("withdraw the bill") is the one named last with
    /// its topic (`PolicyAnaphora`); a date before the cue is no topic word.
    @Test func extract_whenPolicyNamedAgainByItsNoun_keysTheEarlierPolicy() throws {
        let text = "SANTIAGO, June 10, 2026 - Chile has shelved its plan to raise the mining royalty.\n\n"
            + "\"We have decided to withdraw the bill,\" the minister said."
        let document = DocumentParser().parse(text: text, path: "p.txt", fallbackDate: Day(year: 2026, month: 6, day: 10))
        let stances = try Shipped.extractor().extract(document: document).compactMap(\.event.object)
        #expect(stances == ["mining royalty plan", "mining royalty plan"])
        let dated = try Shipped.extractor().extract(text: "Chile last month abandoned plans to tax mining exports.", document: "t.txt")
        #expect(dated.compactMap(\.object) == ["tax mining plan"])
    }

    @Test(arguments: stances)
    func extract_whenStanceOnOwnPolicy_readsItsObject(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "t.txt")
        let stance = try #require(events.first { $0.object != nil }, "no policy stance in \(events)")
        #expect(stance.source?.root == c.source)
        #expect(stance.status == c.status)
        #expect(stance.object == c.object)
        #expect(stance.type == c.type)
        #expect(stance.target?.root == c.target)
    }

    static let silent: [String] = [
        // A stance in a condition is not taken.
        "Farmers said they would block the roads if Chile scrapped the water subsidy.",
        // "to" before the noun makes it a verb: the demand is the farmers' act, not a policy.
        "Dockers in Oslo marched to demand that the new rule be scrapped.",
        // A trip is no policy; "planned" is a verb form.
        "Portugal cancelled a planned visit to Angola.",
        // A policy mentioned with no stance on it.
        "The carbon levy came into force in Denmark in January.",
    ]

    @Test(arguments: silent)
    func extract_whenNoStanceOnOwnPolicy_readsNoObject(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        #expect(events.allSatisfy { $0.object == nil }, "\(events)")
    }

    @Test func extract_whenPolicyDroppedWithNoOwnerNamed_isTheDocumentCountrys() throws {
        let text = """
            Plans to charge drivers for city parking have been dropped.

            Officials in Norway said the decision followed complaints from Norwegian towns.
            """
        let document = DocumentParser().parse(text: text, path: "n.txt", fallbackDate: Day(year: 2026, month: 4, day: 2))
        let events = try Shipped.extractor().extract(document: document).map(\.event)
        let stance = try #require(events.first { $0.object != nil })
        #expect(stance.source?.root == "NOR")
        #expect(stance.status == .cancelled)
    }
}
