@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `Litotes`: a negated reluctance, on sentences written for the rule.
struct LitotesTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Peru would not hesitate to impose sanctions on Ecuador.", source: "PER", target: "ECU", .sanction, "discontinue", .threatened),
        ExpectedEvent("Ghana will not shy away from expelling Togolese diplomats.", source: "GHA", target: "TGO", .sanction, "expel", .threatened),
        // Trap: a plain negation still refuses.
        ExpectedEvent("Ghana will not expel Togolese diplomats.", source: "GHA", target: "TGO", .sanction, "expel", .refused),
    ]

    @Test(arguments: cases)
    func extract_whenReluctanceIsNegated_readsACommitment(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// Scope of modality and of place phrases, on sentences written for each rule.
struct ScopeTests {
    @Test func extract_whenAttackIsOnlyPotential_readsItConsidered() throws {
        let events = try Shipped.extractor().extract(text: "Officials in Quito discussed a potential attack on Ecuadorian ships by Peru.",
                                                     document: "t.txt")
        #expect(events.filter { $0.type == .assault }.allSatisfy { $0.status == .considered }, "\(events)")
        #expect(events.allSatisfy { $0.status != .done || $0.type != .assault })
    }

    @Test func extract_whenPlacePhraseOpensTheSentence_isNoJoinedSubject() throws {
        let events = try Shipped.extractor().extract(text: "In Lima, Chile expelled four Peruvian diplomats.", document: "t.txt")
        #expect(events.first?.source?.root == "CHL")
        #expect(events.first?.target?.root == "PER")
    }
}

/// A participle describing a noun after a determiner ("its promised sanctions") takes no stance:
/// the act is told as done; the verb itself still promises.
struct AttributiveParticipleTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Chile announced its promised sanctions against Peru.", source: "CHL", target: "PER", .sanction, "discontinue", .done),
        ExpectedEvent("Chile announced the promised program of sanctions against Peru.", source: "CHL", target: "PER", .sanction, "discontinue", .done),
        ExpectedEvent("Chile promised sanctions against Peru.", source: "CHL", target: "PER", .sanction, "discontinue", .promised),
    ]

    @Test(arguments: cases)
    func extract_whenParticipleDescribesTheAct_takesNoStance(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// Power given to act ("gave the government full power to decree sanctions") promises the act;
/// a programme of acts is still the light verb's object.
struct AuthorisationTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Parliament gave the Chilean government full power to decree trade sanctions against Peru.",
                      source: "CHL", target: "PER", .sanction, "discontinue", .threatened),
        ExpectedEvent("Sweden announced its promised program of unilateral economic sanctions against Chile.",
                      source: "SWE", target: "CHL", .sanction, "discontinue", .done),
    ]

    @Test(arguments: cases)
    func extract_whenPowerIsGivenToAct_readsItPromised(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}
