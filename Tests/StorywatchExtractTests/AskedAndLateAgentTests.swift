@testable import StorywatchExtract
import StorywatchModel
import Testing

/// The parties of an asked act and of a late or parted phrase, one case per rule:
/// `ForClauseSubject` (the party right after a demand's "for", whose act follows, is the one
/// asked), `AsideAgent` (a passive's by-phrase after an aside in commas), `DayAdverbial` (a day
/// between a noun and its complement does not part them), `AllyOf` ("X's ally" is not X),
/// "oppose" as a refusal, and observers let in as access.
struct AskedAndLateAgentTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Norway is pushing for Canada to withdraw its troops.", source: "NOR", target: "CAN", .retreat, "withdraw", .demanded),
        ExpectedEvent("Norway is pushing hard for Canada to lift its tariffs on fish.", source: "NOR", target: "CAN", .sanction, "discontinue", .demanded),
        ExpectedEvent("Sweden is pushing hard for Chile support its relief plan.", source: "SWE", target: "CHL", .support, "other", .demanded),
        ExpectedEvent("Chile called for Peru to free the prisoners.", source: "CHL", target: "PER", .retreat, "release", .proposed),
        // Traps: the party names only who would decide, or qualifies a noun that ends the phrase.
        ExpectedEvent("Norway is pushing for a Council decision to impose an embargo on Chile.", source: "NOR", target: "CHL", .sanction, "discontinue", .demanded),
        ExpectedEvent("Chile called for Peruvian support.", source: "PER", target: nil, .support, "other", .proposed),
        ExpectedEvent("The Chilean trade minister was accused of taking bribes, most of them paid abroad, by Peruvian officials.",
                      source: "PER", target: "CHL", .accuse, "allege", .done),
        ExpectedEvent("Norway launched a mediation effort on Saturday between Chile and Peru.", source: "NOR", target: "CHL", .consult, "other", .done),
        ExpectedEvent("Talks on Monday between Chile and Peru ended without a deal.", source: "CHL", target: "PER", .consult, "other", .cancelled),
        ExpectedEvent("Chile opposed the deployment of Peruvian troops.", source: "CHL", target: "PER", .mobilize, "troops", .refused),
        // PassiveAgent: a protest, or a verb of the no-passive class, is done by the party before
        // it, never a reduced passive; food sent is aid.
        ExpectedEvent("Thousands of Peruvians marched in Lima on Sunday.", source: "PER", target: "PER", .protest, "demo", .done),
        ExpectedEvent("Peruvian students rioted in Lima.", source: "PER", target: "PER", .protest, "riot", .done),
        ExpectedEvent("Chilean diplomats negotiated in Geneva on Monday.", source: "CHL", target: nil, .consult, "other", .done),
        ExpectedEvent("Chilean troops retreated from the border town.", source: "CHL", target: nil, .retreat, "withdraw", .done),
        ExpectedEvent("Peru sent food and medicine to Chile after the earthquake.", source: "PER", target: "CHL", .aid, "other", .done),
        // Trap: force still has a reduced passive.
        ExpectedEvent("Fourteen Peruvian soldiers killed in the north were buried on Monday.", source: nil, target: "PER", .assault, "other", .done),
        // AllyOf: "X's ally" names another party: an act on it is not aimed at X.
        ExpectedEvent("Chilean rebels attacked fighters of Bolivia's militia ally inside Chile last week.",
                      source: "CHL", target: "CHL", .assault, "other", .done),
        ExpectedEvent("Chilean troops attacked Peru's closest regional ally on Monday.", source: "CHL", target: nil, .assault, "other", .done),
        // Traps (AllyOf): the party itself, or joined to its allies, is aimed at.
        ExpectedEvent("Chilean rebels attacked fighters of Bolivia's militia inside Chile last week.",
                      source: "CHL", target: "BOL", .assault, "other", .done),
        ExpectedEvent("Chilean troops attacked Peru's forces and allies.", source: "CHL", target: "PER", .assault, "other", .done),
        ExpectedEvent("Chilean troops attacked Peru and its allies.", source: "CHL", target: "PER", .assault, "other", .done),
        // actions.txt: letting foreign inspectors or observers in allows access; sending them
        // away stays a sanction, and receiving a delegation a meeting.
        ExpectedEvent("Bolivia on Monday allowed UN inspectors into its nuclear plants.", source: "BOL", target: "UNO", .retreat, "access", .done),
        ExpectedEvent("The Bolivian president received a team of monitors from the African Union.", source: "BOL", target: "IGO", .retreat, "access", .done),
        ExpectedEvent("Bolivia refused to admit IAEA inspectors.", source: "BOL", target: "IGO", .retreat, "access", .refused),
        ExpectedEvent("Bolivia expelled UN inspectors.", source: "BOL", target: "UNO", .sanction, "expel", .done),
        // LightVerbSubject (grammar.txt): "ruled out", "declined" lend their subject to the act noun.
        ExpectedEvent("Bolivia ruled out a ceasefire with Chilean rebels.", source: "BOL", target: "CHL", .retreat, "ceasefire", .refused),
        ExpectedEvent("Bolivia declined an invitation to talks with Chile.", source: "BOL", target: "CHL", .consult, "other", .refused),
        // A participle right after its subject's name is its verb ("banned" is no adjective there);
        // and actions.txt: trade frozen, an embassy reopened, warships sent, streets taken to.
        ExpectedEvent("Bolivia banned arms sales to Chile.", source: "BOL", target: "CHL", .coerce, "restrict", .done),
        ExpectedEvent("Bolivia has frozen all trade with Chile.", source: "BOL", target: "CHL", .sanction, "discontinue", .done),
        ExpectedEvent("Bolivia reopened its embassy in Santiago.", source: "BOL", target: "CHL", .support, "other", .done),
        ExpectedEvent("Bolivia dispatched warships to the disputed waters.", source: "BOL", target: nil, .mobilize, "troops", .done),
        ExpectedEvent("Thousands of Bolivians took to the streets on Monday to demand new elections.", source: "BOL", target: nil, .protest, "demo", .done),
        // actions.txt: military exercises mobilise; an agreement hailed as a success is backed.
        ExpectedEvent("Bolivia held military exercises near the Chilean border on Monday.", source: "BOL", target: nil, .mobilize, "troops", .done),
        ExpectedEvent("Bolivia hailed the accord as a breakthrough.", source: "BOL", target: nil, .support, "other", .done),
        // actions.txt: demands given in to are a concession; captives freed are released; troops
        // pulled back withdraw; access granted is access.
        // (The miners are Bolivia's own people: a concession at home, `roles.txt` workers by trade.)
        ExpectedEvent("The Bolivian government agreed to the miners' demands.", source: "BOL", target: "BOL", .concede, "other", .done),
        ExpectedEvent("Bolivia freed 12 Chilean fishermen on Monday.", source: "BOL", target: "CHL", .retreat, "release", .done),
        // roles.txt: envoys and ambassadors are a government's; so a reduced passive's agent acts on them.
        ExpectedEvent("Bolivian envoys expelled by Chile flew home on Tuesday.", source: "CHL", target: "BOL", .sanction, "expel", .done),
        ExpectedEvent("Bolivian troops pulled back from the disputed area.", source: "BOL", target: nil, .retreat, "withdraw", .done),
        ExpectedEvent("Bolivia pulled its troops back from the border.", source: "BOL", target: "BOL", .retreat, "withdraw", .done),
        ExpectedEvent("Bolivia granted Chilean inspectors access to the site.", source: "BOL", target: "CHL", .retreat, "access", .done),
        // Trap: "free" of a free trade agreement frees no one.
        ExpectedEvent("Bolivia signed a free trade agreement with Chile.", source: "BOL", target: "CHL", .support, "other", .done),
        // actions.txt: a request or entry denied is refused, not a claim denied.
        ExpectedEvent("Bolivia denied a Chilean request for military assistance.", source: "BOL", target: "CHL", .reject, "other", .refused),
        // actions.txt: a call by telephone is a consultation; an envoy summoned, a diplomatic
        // protest; flags burned, a demonstration.
        ExpectedEvent("Bolivia's president telephoned his Chilean counterpart on Sunday.", source: "BOL", target: "CHL", .consult, "phone", .done),
        ExpectedEvent("Bolivia summoned the Chilean ambassador over the arrests.", source: "BOL", target: "CHL", .accuse, "disapprove", .done),
        ExpectedEvent("Bolivian protesters burned Chilean flags outside the embassy.", source: "BOL", target: "CHL", .protest, "demo", .done),
        ExpectedEvent("The Bolivian president received a delegation from Chile.", source: "BOL", target: "CHL", .consult, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenPartyIsAskedOrNamedLate_readsIt(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// Trap: a late ", by" that names no party leaves the passive without an agent.
    @Test func extract_whenLateByNamesNoParty_readsNoAgent() throws {
        let events = try Shipped.extractor().extract(
            text: "The Chilean trade minister was accused of taking bribes, most of them paid abroad, by contrast.", document: "t.txt")
        #expect(!events.contains { $0.type == .accuse && $0.source != nil })
    }

    /// `DemandedStance`: a stance on a policy inside a demand is asked for, not taken; told as
    /// done, the same stance is taken.
    @Test func extract_whenStanceIsDemanded_takesNoStance() throws {
        let extractor = try Shipped.extractor()
        let asked = extractor.extract(text: "Chile demanded that Peru scrap its fuel tax plan.", document: "t.txt")
        #expect(!asked.contains { $0.status == .cancelled })
        #expect(asked.contains { $0.type == .request && $0.source?.root == "CHL" && $0.target?.root == "PER" })
        let taken = extractor.extract(text: "Peru scrapped its fuel tax plan.", document: "t.txt")
        #expect(taken.contains { $0.status == .cancelled && $0.source?.root == "PER" })
        // Trap: "insisted" with a modal after it reports an intent, no demand.
        let intended = extractor.extract(text: "The Chilean government insisted it would scrap the fuel levy plan.", document: "t.txt")
        #expect(intended.contains { $0.status == .cancelled && $0.source?.root == "CHL" })
    }
}

/// `ConditionClause`: an act in a clause of condition is no news when the sentence tells no act
/// besides; "until" with a past verb tells when, a fact.
struct ConditionClauseTests {
    @Test func extract_whenTheOnlyActIsACondition_readsNone() throws {
        let extractor = try Shipped.extractor()
        for sentence in ["Chilean rebels vowed to keep fighting until the junta resigns.",
                         "Chilean rebels said they would keep fighting unless Peru withdrew its troops."] {
            #expect(extractor.extract(text: sentence, document: "t.txt").isEmpty, "\(sentence)")
        }
    }

    /// Traps: a past act after "until", and a main act beside the condition, are told.
    @Test func extract_whenUntilTellsWhenOrAMainActStands_readsIt() throws {
        try ExpectedEvent("The siege lasted until Chilean troops retook the town.", source: "CHL", target: nil, .assault, "other", .done)
            .verify(with: Shipped.extractor())
        try ExpectedEvent("Chile will not negotiate until Peru withdraws its troops.", source: "CHL", target: "PER", .consult, "other", .refused)
            .verify(with: Shipped.extractor())
    }
}

/// `GovernedNoun`: what coercion bans or stops is its object, no act done.
struct CoercedObjectTests {
    @Test func extract_whenCoercionBansAnAct_readsNoSuchAct() throws {
        let events = try Shipped.extractor().extract(text: "The Bolivian government has banned all demonstrations in the capital.", document: "t.txt")
        #expect(events.contains { $0.type == .coerce && $0.source?.root == "BOL" })
        #expect(!events.contains { $0.type == .protest })
        let sales = try Shipped.extractor().extract(text: "Bolivia banned arms sales to Chile.", document: "t.txt")
        #expect(!sales.contains { $0.type == .aid })
    }

    /// The request a refusal turns down is its object: the asking is no event of its own.
    @Test func extract_whenARefusalTurnsDownARequest_readsOnlyTheRefusal() throws {
        let events = try Shipped.extractor().extract(
            text: "Bolivian miners dismissed a demand from President Ana Rojas that they reopen the roads.", document: "t.txt")
        #expect(events.contains { $0.type == .reject && $0.status == .refused })
        #expect(!events.contains { $0.type == .request })
    }
}
