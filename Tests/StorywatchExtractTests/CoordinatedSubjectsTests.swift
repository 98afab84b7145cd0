@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `CoordinatedSubjects`: "X and Y …", on sentences written for the rule.
struct CoordinatedSubjectsTests {
    /// A joint act is between its subjects: the first the source, the next the target.
    static let joint: [ExpectedEvent] = [
        ExpectedEvent("Chile and Peru signed a truce on Monday.", source: "CHL", target: "PER", .retreat, "ceasefire", .done),
        ExpectedEvent("Kenya and Tanzania held talks in Arusha.", source: "KEN", target: "TZA", .consult, "other", .done),
        // A compact signed is support given to each other, wherever it is signed.
        ExpectedEvent("Ghana and Togo signed a border treaty in Lagos.", source: "GHA", target: "TGO", .support, "other", .done),
        ExpectedEvent("Malawi and Zambia have signed a trade pact.", source: "MWI", target: "ZMB", .support, "other", .done),
    ]

    @Test(arguments: joint)
    func extract_whenSubjectsActJointly_readsThemAsTheTwoSides(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    @Test(arguments: [
        ("Ghana and Togo vowed to expel Nigerien diplomats.", ["GHA", "TGO"]),
        ("Bolivia and Paraguay imposed sanctions on Venezuela.", ["BOL", "PRY"]),
        ("Estonia, Latvia and Lithuania expelled Belarusian diplomats.", ["EST", "LVA", "LTU"]),
    ])
    func extract_whenSubjectsEachAct_readsOneEventPerSubject(_ sentence: String, _ sources: [String]) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt").filter { $0.type != nil }
        #expect(Set(events.compactMap { $0.source?.root }) == Set(sources), "\(events.map { ($0.source?.root, $0.family) })")
        #expect(Set(events.map(\.family)).count == 1)
    }

    /// "each other's", "one another", or force whose verb is a quarrel's ("clashed"): each
    /// subject acts on the other.
    @Test(arguments: [
        "Malawi and Zambia expelled each other's diplomats on Monday.",
        "Malawi and Zambia freed each other's detained fishermen.",
        "Malawi and Zambia accused one another of breaking the truce.",
        "Malawian and Zambian troops clashed near the border on Sunday.",
        "Malawi and Zambia clashed over the disputed island.",
    ])
    func extract_whenSubjectsActOnEachOther_readsBothDirections(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt").filter { $0.type != nil }
        let pairs = Set(events.map { "\($0.source?.root ?? "-")>\($0.target?.root ?? "-")" })
        #expect(pairs == ["MWI>ZMB", "ZMB>MWI"], "\(events.map { ($0.source?.code, $0.target?.code, $0.family) })")
        // ("one another" names no figure.)
        #expect(events.allSatisfy { $0.quantity == nil }, "\(events.map(\.quantity))")
    }

    /// A text signed by both, with no compact named, is not read as given to each other.
    @Test func extract_whenSubjectsSignAText_readsNoPartner() throws {
        let events = try Shipped.extractor().extract(text: "Malawi and Zambia signed the declaration.", document: "t.txt")
        #expect(events.contains { $0.type == .support } && !events.contains { $0.target?.root == "ZMB" }, "\(events.map { ($0.source?.root, $0.target?.root) })")
    }

    @Test(arguments: [
        // Coordinated objects are no subjects.
        ("Chile expelled Peruvian and Bolivian diplomats.", ["CHL"]),
        // Two bodies of one country are one side.
        ("Kenyan police and soldiers detained Somali traders.", ["KEN"]),
    ])
    func extract_whenNoSecondSubject_readsOneSource(_ sentence: String, _ sources: [String]) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt").filter { $0.type != nil }
        #expect(Set(events.compactMap { $0.source?.root }) == Set(sources), "\(events.map { ($0.source?.root, $0.family) })")
    }
}
