@testable import StorywatchExtract
import StorywatchModel
import Testing

/// An act caused (`CausedAct`): the subject of "sparked", "triggered", "prompted" is the cause,
/// never the agent of the protest it caused.
@Suite struct CausedActTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        /// The protest's source root; nil when the sentence should yield no protest.
        var source: String?
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        // The people of the place protest, not the one whose decision caused it.
        Case(sentence: "Ghana's decision to close the border sparked protests in Togo.", source: "TGO"),
        Case(sentence: "The arrest of the Togolese opposition leader triggered riots in Lome.", source: "TGO"),
        // No place named: the protest has no party, so none is told.
        Case(sentence: "The Togolese cabinet agreed to amend the transit law that had sparked protests.", source: nil),
        // Traps: a subject that stages the protest itself keeps it.
        Case(sentence: "Togolese traders staged protests against the Ghanaian levy.", source: "TGO"),
        Case(sentence: "Ghanaian unions held protests in Accra after the levy was raised.", source: "GHA"),
    ]

    @Test(arguments: cases) func extract_doesNotMakeTheCauseTheAgent(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        let protests = events.filter { $0.type == .protest }
        guard let source = c.source else {
            #expect(protests.isEmpty, "\(protests.map(\.family))")
            return
        }
        let protest = try #require(protests.first, "no protest among \(events.map(\.family))")
        #expect(protest.source?.root == source)
        #expect(protest.source?.code.hasSuffix("OPP") != true)
    }
}
