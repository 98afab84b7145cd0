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
        // A passive's auxiliaries may stand between the deal and its participle.
        ExpectedEvent("A truce was agreed between Chile and Peru after a week of talks.", source: "CHL", target: "PER", .retreat, "ceasefire", .done),
        ExpectedEvent("An accord had been signed between Chile and Peru.", source: "CHL", target: "PER", .agree, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenDealIsBetweenTwoParties_namesBoth(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// Fighting between a known party and one no dictionary names is the known party's, never
    /// the place's it is fled to.
    @Test func extract_whenOnlyFirstSideOfFightingIsKnown_readsItAsSourceAndNoPlace() throws {
        let events = try Shipped.extractor().extract(
            text: "Hundreds of villagers crossed into Zambia to escape fighting between Malawian troops and ethnic militias.", document: "t.txt")
        let fighting = try #require(events.first { $0.type == .assault })
        #expect(fighting.source?.root == "MWI" && fighting.target?.root != "ZMB", "\(fighting.source?.code ?? "-") → \(fighting.target?.code ?? "-")")
    }

    /// Trap: a verb's past form is never the noun of a nominal entry ("struck" is no strike).
    @Test func extract_whenADealWasStruck_readsNoForce() throws {
        let events = try Shipped.extractor().extract(text: "A deal was struck between Chile and Peru after a week of talks.", document: "t.txt")
        #expect(!events.contains { $0.type == .assault })
    }

    /// Trap: "between" that does not follow a deal word names no parties of one.
    @Test func extract_whenBetweenFollowsNoDeal_addsNoAgreement() throws {
        let events = try Shipped.extractor().extract(text: "Chilean troops shelled villages between Peru and the coast.", document: "t.txt")
        #expect(!events.contains { $0.type == .agree })
    }
}

/// `NamedDeal`: a deal named with its parties is their agreement, made, whoever speaks of it;
/// the speaker's own stance stays an event of its own.
struct NamedDealTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var stance: EventType
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        Case(sentence: "Bolivian miners rejected an agreement reached between Chile and Peru on water rights.", stance: .reject),
        // A day adverbial between the verb and the deal opens no phrase around it (`SettingPhrase`).
        Case(sentence: "Bolivian miners rejected on Friday a deal signed between Chile and Peru.", stance: .reject),
        Case(sentence: "Bolivian farmers criticised the pact reached between Chile and Peru.", stance: .accuse),
    ]

    @Test(arguments: cases) func extract_whenDealNamesItsParties_isTheirAgreementBesidesTheStance(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "t.txt")
        let deal = try #require(events.first { $0.type == .agree }, "no agreement among \(events.map(\.family))")
        #expect(deal.source?.root == "CHL")
        #expect(deal.target?.root == "PER")
        #expect(deal.status == .done)
        #expect(events.contains { $0.type == c.stance && $0.source?.root == "BOL" })
    }

    /// Trap: a deal with no parties named is the one the speaker takes a stance on ("refused to agree").
    @Test func extract_whenDealNamesNoParties_isTheSpeakersStance() throws {
        let events = try Shipped.extractor().extract(text: "Bolivia rejected the agreement on Friday.", document: "t.txt")
        #expect(!events.contains { $0.type == .agree && $0.status == .done })
    }
}

/// `CoordinatedSubjects.isQuarrel`: parties at odds, or in a dispute, quarrel with each other.
struct QuarrelTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Chile and Peru remain at odds over the fishing quota.", source: "CHL", target: "PER", .reject, "other", .refused),
        ExpectedEvent("Chilean and Peruvian envoys remain at odds on the size of a Bolivian monitoring team.",
                      source: "CHL", target: "PER", .reject, "other", .refused),
        ExpectedEvent("The quota is one more dispute between Chile and Peru.", source: "CHL", target: "PER", .reject, "other", .refused),
        ExpectedEvent("Chile is at odds with Peru over the quota.", source: "CHL", target: "PER", .reject, "other", .refused),
    ]

    @Test(arguments: cases)
    func extract_whenPartiesQuarrel_eachIsTheOthersParty(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// Traps: a thing at odds with another thing, and a quarrel of no parties, are no events.
    @Test(arguments: ["The new figures are at odds with earlier estimates.", "The row between the club and its coach ended."])
    func extract_whenNoPartiesQuarrel_addsNothing(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        #expect(!events.contains { $0.type == .reject })
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
