@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `Retort` (words answering words are disapproval, no answer in kind) and `Characterisation`
/// (a speaker describing an act is not its agent, and a cue of answer in the description
/// qualifies the act described), on sentences written for the rules.
struct RetortAndCharacterisationTests {
    static let retorts: [ExpectedEvent] = [
        ExpectedEvent("Ghana's foreign minister hit back at Togolese critics on Monday.", source: "GHA", target: "TGO", .accuse, "disapprove", .done),
        ExpectedEvent("The Malawian coach fired back at Zambian claims of match fixing.", source: "MWI", target: "ZMB", .accuse, "disapprove", .done),
    ]

    @Test(arguments: retorts)
    func extract_whenRetort_readsDisapprovalAndNoAnswer(_ expected: ExpectedEvent) throws {
        let extractor = try Shipped.extractor()
        try expected.verify(with: extractor)
        #expect(!extractor.extract(text: expected.sentence, document: "t.txt").contains { $0.isResponse })
    }

    /// A measure taken in answer stays an answer.
    @Test func extract_whenHittingBackWithAMeasure_readsAnswer() throws {
        let events = try Shipped.extractor().extract(text: "Ghana hit back at Togo by expelling two diplomats.", document: "t.txt")
        #expect(events.contains { $0.source?.root == "GHA" && $0.type == .sanction && $0.isResponse }, "\(events.map(\.family))")
    }

    @Test func extract_whenActDescribedAsAnswer_neitherDescriberActsNorLaterActAnswers() throws {
        let events = try Shipped.extractor().extract(
            text: "The Malawian foreign ministry described the arrest of the Zambian crew as a \"tit-for-tat act\" and summoned the Zambian envoy.",
            document: "t.txt")
        #expect(!events.contains { $0.source?.root == "MWI" && $0.type == .coerce }, "\(events.map { ($0.source?.code, $0.family) })")
        let summons = try #require(events.first { $0.type == .accuse })
        #expect(summons.source?.root == "MWI" && !summons.isResponse)
    }

    /// Without a describing verb the cue still frames the act after it.
    @Test func extract_whenCueFramesTheActItself_readsAnswer() throws {
        let events = try Shipped.extractor().extract(
            text: "In a tit-for-tat move, Malawi expelled two Zambian diplomats.", document: "t.txt")
        #expect(events.contains { $0.source?.root == "MWI" && $0.type == .sanction && $0.isResponse })
    }
}
