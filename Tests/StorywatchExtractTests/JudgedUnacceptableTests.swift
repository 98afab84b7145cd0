@testable import StorywatchExtract
import StorywatchModel
import Testing

/// A plan judged unacceptable (`JudgedUnacceptable`): a rejection by who says so, of the plan's
/// owner; the plan itself is no act of the sentence.
@Suite struct JudgedUnacceptableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        /// Source and target roots of the rejection; nil when none should be read.
        var parties: (String, String)?
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        Case(sentence: "Togo's trade minister said Ghana's proposal was unacceptable.", parties: ("TGO", "GHA")),
        Case(sentence: "The Togolese offer is still untenable, a Ghanaian official said.", parties: ("GHA", "TGO")),
        Case(sentence: "The Ghanaian plan is unworkable, Togo's president said on Friday.", parties: ("TGO", "GHA")),
        // Traps: a side's own plan, a judgement with no speaker, and no plan at all.
        Case(sentence: "Ghana said its own proposal was inadequate.", parties: nil),
        Case(sentence: "The Ghanaian proposal is unacceptable.", parties: nil),
        Case(sentence: "Togo said the weather in Accra was unacceptable for the parade.", parties: nil),
    ]

    @Test(arguments: cases) func extract_readsAPlanJudgedAsItsRejection(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        let rejections = events.filter { $0.type == .reject }
        guard let (source, target) = c.parties else {
            #expect(rejections.isEmpty, "\(events.map(\.family))")
            return
        }
        let rejection = try #require(rejections.first, "no rejection among \(events.map(\.family))")
        #expect(rejection.source?.root == source)
        #expect(rejection.target?.root == target)
        #expect(rejection.status == .refused)
        // The plan judged is not read as an offer or a deal of its owner's.
        #expect(!events.contains { $0.type == .agree && $0.status == .done }, "\(events.map(\.family))")
    }
}
