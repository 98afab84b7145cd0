@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `BetweenParties`: a deal "between X and Y" names its parties, whatever the clause's subject.
struct BetweenPartiesTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("An agreement between Chile and Peru was signed on Monday.", source: "CHL", target: "PER", .agree, "other", .done),
        ExpectedEvent("The accord reached between the Bolivian government and Paraguay settles the river dispute.",
                      source: "BOL", target: "PRY", .agree, "other", .done),
        ExpectedEvent("The accord between Chile (CL) and Peru opens the border.", source: "CHL", target: "PER", .agree, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenDealIsBetweenTwoParties_namesBoth(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// Trap: "between" that does not follow a deal word names no parties of one.
    @Test func extract_whenBetweenFollowsNoDeal_addsNoAgreement() throws {
        let events = try Shipped.extractor().extract(text: "Chilean troops shelled villages between Peru and the coast.", document: "t.txt")
        #expect(!events.contains { $0.type == .agree })
    }
}

/// `HypotheticalSubject`: an act named by the noun that opens a sentence whose verb is "could",
/// "might" or "may" is weighed, not done or called off.
struct HypotheticalSubjectTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("A halt to Chilean air strikes on Peru could backfire.", source: "CHL", target: "PER", .assault, "aerial", .considered),
        ExpectedEvent("An end to the Chilean blockade of Peru might come soon.", source: "CHL", target: "PER", .protest, "obstruct", .considered),
        // Traps: the same noun phrase reported as done, or with "will" as its verb.
        ExpectedEvent("A halt to Chilean air strikes on Peru was announced on Monday.", source: "CHL", target: "PER", .assault, "aerial", .cancelled),
    ]

    @Test(arguments: cases)
    func extract_whenOpeningActNounTakesAConsideringModal_readsConsidered(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// `FromAgent`: an act noun followed by "from X" is X's act, aimed at the clause's subject;
/// "critical of" is disapproval.
struct FromAgentTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Norway drew sharp criticism from Belarus on Monday.", source: "BLR", target: "NOR", .accuse, "disapprove", .done),
        ExpectedEvent("Chile faced new threats from the rebels.", source: "CHL", target: "CHL", .threaten, "other", .threatened),
        ExpectedEvent("Norway plans to propose a text sharply critical of Belarus.", source: "NOR", target: "BLR", .accuse, "disapprove", .proposed),
        ExpectedEvent("The Norwegian delegation was highly critical of Belarus on Monday.", source: "NOR", target: "BLR", .accuse, "disapprove", .done),
        // Trap: "from" after a verb of motion names where, not who.
        ExpectedEvent("Norway withdrew its troops from Chad.", source: "NOR", target: "TCD", .retreat, "withdraw", .done),
    ]

    @Test(arguments: cases)
    func extract_whenActNounTakesFrom_readsTheAgent(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// `ProposalAuthor`: a rejection or acceptance with no party as object is aimed at the party
/// named in the proposal's phrase.
struct ProposalAuthorTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("The Peruvian cabinet on Monday rejected a new proposal from Chile on water rights.", source: "PER", target: "CHL", .reject, "other", .refused),
        ExpectedEvent("Bolivian rebels on Friday rejected a Peruvian plan for a ceasefire.", source: "BOL", target: "PER", .reject, "other", .refused),
        ExpectedEvent("Chile has accepted the compromise put forward by Peru on port fees.", source: "CHL", target: "PER", .agree, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenProposalNamesItsAuthor_aimsAtTheAuthor(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}

/// `ClaimedResponsibility`: whoever claims responsibility for an attack carried it out.
struct ClaimedResponsibilityTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Hamas claimed responsibility for the bombing of an Israeli army post.", source: "PSE", target: "ISR", .assault, "aerial", .done),
        ExpectedEvent("Responsibility for the bombing was claimed by ETA.", source: "ESP", target: nil, .assault, "aerial", .done),
        // Trap: a claim that someone else acted names that other agent.
        ExpectedEvent("Hamas claimed that Israeli jets bombed a school in Gaza.", source: "ISR", target: "PSE", .assault, "aerial", .done),
    ]

    @Test(arguments: cases)
    func extract_whenResponsibilityIsClaimed_theClaimantActs(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}
