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
        ExpectedEvent("Chile imposed its promised sanctions on Peru.", source: "CHL", target: "PER", .sanction, "discontinue", .done),
        ExpectedEvent("Chile imposed the promised package of sanctions on Peru.", source: "CHL", target: "PER", .sanction, "discontinue", .done),
        ExpectedEvent("Chile promised sanctions against Peru.", source: "CHL", target: "PER", .sanction, "discontinue", .promised),
    ]

    @Test(arguments: cases)
    func extract_whenParticipleDescribesTheAct_takesNoStance(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// Power given to act ("gave the cabinet the green light to expel…") promises the act, approval
/// of the act itself orders it; a round
/// or package of acts is still the light verb's object.
struct AuthorisationTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Congress gave the Chilean cabinet the green light to expel Peruvian diplomats.",
                      source: "CHL", target: "PER", .sanction, "expel", .threatened),
        ExpectedEvent("Norway imposed its long-promised round of trade sanctions against Chile on Tuesday.",
                      source: "NOR", target: "CHL", .sanction, "discontinue", .done),
        // `Authorisation`: power given to a party to act leaves the act to come.
        ExpectedEvent("The Chilean senate gave ministers the power to order sanctions against Peru.",
                      source: "CHL", target: "PER", .sanction, "discontinue", .threatened),
    ]

    @Test(arguments: cases)
    func extract_whenPowerIsGivenToAct_readsTheStanceItGives(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// `Authorisation`: approval given to the act itself orders it: done.
    @Test func extract_whenApprovalIsGivenToTheAct_readsItDone() throws {
        let events = try Shipped.extractor().extract(text: "The Chilean cabinet gave the go-ahead to the renewal of raids against Peruvian rebels.",
                                                     document: "t.txt")
        let raids = try #require(events.first { $0.type == .assault })
        #expect(raids.status == .done)
        #expect(raids.target?.root == "PER")
    }
}
