@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `CoordinatedSubjects`: "X and Y …", on sentences written for the rule.
struct CoordinatedSubjectsTests {
    /// A joint act is between its subjects: the first the source, the next the target.
    static let joint: [ExpectedEvent] = [
        ExpectedEvent("Chile and Peru signed a truce on Monday.", source: "CHL", target: "PER", .retreat, "ceasefire", .done),
        ExpectedEvent("Kenya and Tanzania held talks in Arusha.", source: "KEN", target: "TZA", .consult, "other", .done),
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
