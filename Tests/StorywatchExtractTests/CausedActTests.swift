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

/// An act named in a phrase of circumstance (`CircumstancePhrase`): "despite protests", "amid
/// protests" are no acts of the main clause's subject; an agent inside the phrase keeps it.
@Suite struct CircumstancePhraseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var type: EventType
        /// The act's source root; nil when the sentence should yield no such act.
        var source: String?
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        Case(sentence: "Togo's president vowed to press ahead with the referendum despite protests.", type: .protest, source: nil),
        Case(sentence: "Ghana's parliament approved the budget amid protests in Kumasi.", type: .protest, source: "GHA"),
        Case(sentence: "Ghana's army withdrew after attacks by Togolese rebels.", type: .retreat, source: "GHA"),
        // A gerund after the subordinator is the subject's own act.
        Case(sentence: "Togo imposed a curfew after arresting the Ghanaian traders.", type: .coerce, source: "TGO"),
    ]

    @Test(arguments: cases) func extract_keepsTheSettingApartFromTheSubject(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        let acts = events.filter { $0.type == c.type }
        guard let source = c.source else {
            #expect(acts.isEmpty, "\(events.map(\.family))")
            return
        }
        let act = try #require(acts.first, "no \(c.type) among \(events.map(\.family))")
        #expect(act.source?.root == source)
        #expect(act.source?.code.hasSuffix("LEG") != true, "the parliament protests nothing: \(events.map(\.family))")
    }

    /// "retaliated by expelling…": the by-phrase is the means, so the one retaliating is the source.
    @Test func extract_readsByGerundAsMeans() throws {
        let events = try Shipped.extractor().extract(text: "Togo retaliated by expelling three Ghanaian diplomats.", document: "test.txt")
        let answer = try #require(events.first { $0.type == .sanction }, "\(events.map(\.family))")
        #expect(answer.source?.root == "TGO")
        #expect(answer.target?.root == "GHA")
    }

    /// "backed away from its plan": a plan dropped, not support given.
    @Test func extract_readsBackingAwayAsDroppingAPlan() throws {
        let events = try Shipped.extractor().extract(text: "The Togolese cabinet backed away from its plan to raise fuel prices.", document: "test.txt")
        #expect(!events.contains { $0.type == .support }, "\(events.map(\.family))")
        #expect(events.contains { $0.source?.root == "TGO" && $0.status == .cancelled }, "\(events.map(\.family))")
    }
}
