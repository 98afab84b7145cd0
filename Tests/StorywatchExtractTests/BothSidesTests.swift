@testable import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import Testing

/// `BothSides`: "both sides" names the document's current pair, on articles written for the rule.
struct BothSidesTests {
    private func events(_ text: String) throws -> [Event] {
        let document = DocumentParser().parse(text: text, path: "pair.txt", fallbackDate: Day(year: 2026, month: 3, day: 2))
        return try Shipped.extractor().extract(document: document).map(\.event)
    }

    @Test(arguments: [
        "The two countries agreed to hold talks in Quito next week.",
        "Both sides later reached a compromise on the border.",
        "The two rivals agreed to hold talks in Geneva.",
    ])
    func extract_whenPairNamedAfterTheirRow_readsBothParties(_ sentence: String) throws {
        let found = try events("Chile expelled four Peruvian diplomats on Monday.\n\n" + sentence)
        let joint = try #require(found.last)
        #expect(joint.quote == sentence)
        #expect(joint.source?.root == "CHL")
        #expect(joint.target?.root == "PER")
    }

    @Test func extract_whenSidesOfAPlace_namesNoPair() throws {
        let found = try events("Chile expelled four Peruvian diplomats on Monday.\n\nTroops on both sides of the border were put on alert.")
        #expect(found.dropFirst().allSatisfy { $0.target?.root != "PER" || $0.source?.root != "CHL" }, "\(found)")
    }

    @Test func extract_whenNoPairYet_namesNobody() throws {
        let found = try events("Both sides later reached a compromise on the border.")
        #expect(found.allSatisfy { $0.source == nil || $0.target == nil }, "\(found)")
    }
}
