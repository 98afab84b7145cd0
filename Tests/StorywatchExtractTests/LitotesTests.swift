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

/// A country named for its edge ("near the Angolan border") is where an act happens, not its
/// target; a country's border guards are still its people.
struct CountryEdgeTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Zambian troops seized a rebel depot near the Angolan border on Friday.", source: "ZMB", target: nil, .coerce, "seize", .done),
        ExpectedEvent("Kenyan police arrested nine smugglers off Somalia's coast.", source: "KEN", target: nil, .coerce, "arrest", .done),
        // Trap: the country itself, or its border guards, are still parties.
        ExpectedEvent("Zambian troops shelled Angolan border guards.", source: "ZMB", target: "AGO", .assault, "heavy-weapons", .done),
        ExpectedEvent("Zambian troops shelled Angola on Friday.", source: "ZMB", target: "AGO", .assault, "heavy-weapons", .done),
    ]

    @Test(arguments: cases)
    func extract_whenCountryNamesAnEdge_isNoParty(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// Crowd control (tear gas, water cannon, rubber bullets) is force of its own mode.
struct CrowdControlTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Ghanaian police fired tear gas at students in Kumasi.", source: "GHA", target: "GHA", .assault, "crowd-control", .done),
        ExpectedEvent("Chilean riot police used water cannon against protesters in Valparaiso.", source: "CHL", target: "CHL", .assault, "crowd-control", .done),
    ]

    @Test(arguments: cases)
    func extract_whenCrowdIsDispersedByForce_readsCrowdControl(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// A relative clause is about the noun before it: its parties are not the act's object.
struct RelativeClauseTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Chile on Monday condemned a bombing in which four Peruvian soldiers died.", source: "CHL", target: nil, .accuse, "disapprove", .done),
        ExpectedEvent("Kenya expelled two Ugandan diplomats who had met Somali rebel leaders.", source: "KEN", target: "UGA", .sanction, "expel", .done),
        // Trap: the object before the clause stays the target.
        ExpectedEvent("Chile condemned Peru, which had closed the border.", source: "CHL", target: "PER", .accuse, "disapprove", .done),
    ]

    @Test(arguments: cases)
    func extract_whenObjectHasRelativeClause_targetsTheNounBeforeIt(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// A country fused to "-led" or "-backed" names the side of the group it leads or backs.
struct SponsoredGroupTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Iranian-backed militias shelled Kirkuk on Tuesday.", source: "IRN", target: "IRQ", .assault, "heavy-weapons", .done),
        ExpectedEvent("The US-led coalition bombed Mosul overnight.", source: "USA", target: "IRQ", .assault, "aerial", .done),
        ExpectedEvent("Kenya-backed rebels attacked a Somali army post.", source: "KEN", target: "SOM", .assault, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenCountryBacksAGroup_namesItsSide(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}
