@testable import StorywatchExtract
import StorywatchModel
import Testing

/// Who the parties of an act are, one phenomenon a group of sentences written for it.
struct PartiesPhenomenaTests {
    static let cases: [ExpectedEvent] = [
        // A country named for its edge ("near the Angolan border") is where, not a party; its border guards are its people.
        ExpectedEvent("Zambian troops seized a rebel depot near the Angolan border on Friday.", source: "ZMB", target: nil, .coerce, "seize", .done),
        ExpectedEvent("Kenyan police arrested nine smugglers off Somalia's coast.", source: "KEN", target: nil, .coerce, "arrest", .done),
        // Trap: the country itself, or its border guards, are still parties.
        ExpectedEvent("Zambian troops shelled Angolan border guards.", source: "ZMB", target: "AGO", .assault, "heavy-weapons", .done),
        ExpectedEvent("Zambian troops shelled Angola on Friday.", source: "ZMB", target: "AGO", .assault, "heavy-weapons", .done),
        // Crowd control (tear gas, water cannon, rubber bullets) is force of its own mode.
        ExpectedEvent("Ghanaian police fired tear gas at students in Kumasi.", source: "GHA", target: "GHA", .assault, "crowd-control", .done),
        ExpectedEvent("Chilean riot police used water cannon against protesters in Valparaiso.", source: "CHL", target: "CHL", .assault, "crowd-control", .done),
        // A relative clause is about the noun before it: its parties are not the act's object.
        ExpectedEvent("Chile on Monday condemned a bombing in which four Peruvian soldiers died.", source: "CHL", target: nil, .accuse, "disapprove", .done),
        ExpectedEvent("Kenya expelled two Ugandan diplomats who had met Somali rebel leaders.", source: "KEN", target: "UGA", .sanction, "expel", .done),
        // Trap: the object before the clause stays the target.
        ExpectedEvent("Chile condemned Peru, which had closed the border.", source: "CHL", target: "PER", .accuse, "disapprove", .done),
        // A country fused to "-led" or "-backed" names the side of the group it leads or backs.
        ExpectedEvent("Iranian-backed militias shelled Kirkuk on Tuesday.", source: "IRN", target: "IRQ", .assault, "heavy-weapons", .done),
        ExpectedEvent("The US-led coalition bombed Mosul overnight.", source: "USA", target: "IRQ", .assault, "aerial", .done),
        ExpectedEvent("Kenya-backed rebels attacked a Somali army post.", source: "KEN", target: "SOM", .assault, "other", .done),
        // Trap: a backed motion or plan is no group.
        ExpectedEvent("Peru rejected a Chilean-backed motion on fishing rights.", source: "PER", target: nil, .reject, "other", .refused),
        // A country's party named by its proper name is the party (the opposition when so described).
        ExpectedEvent("Portugal's ruling Socialist Party urged sanctions against Chile.", source: "PRT", target: "CHL", .sanction, "discontinue", .demanded),
        ExpectedEvent("Kenya's opposition Orange Democratic Movement accused the Kenyan government of fraud.", source: "KEN", target: "KEN", .accuse, "allege", .done),
        // Trap: a ministry is the government, a parliament its legislature.
        ExpectedEvent("Chile's Foreign Ministry condemned the raid on Peru.", source: "CHL", target: "PER", .accuse, "disapprove", .done),
        // The attack named after "in" is the verb's own act, with the verb's parties.
        ExpectedEvent("Peruvian guerrillas injured four Chilean police officers in a bomb attack on Friday.",
                      source: "PER", target: "CHL", .assault, "other", .done),
        // The party rules under Rules/, one sentence each (`SentenceReader.parties`).
        // PassiveAgent: the agent after "by" acts on the subject.
        ExpectedEvent("Two Ghanaian traders were detained by Togolese police on Sunday.", source: "TGO", target: "GHA", .coerce, "arrest", .done),
        // PossessiveActor: the possessor of an action noun is its agent.
        ExpectedEvent("Norway's sanctions against Belarus took effect.", source: "NOR", target: "BLR", .sanction, "discontinue", .done),
        // LightVerbSubject: the subject of a light verb a few words before the noun.
        ExpectedEvent("Chile on Tuesday launched fresh air strikes on Peruvian positions.", source: "CHL", target: "PER", .assault, "aerial", .done),
        // Custody: the holder harmed the held.
        ExpectedEvent("A Ghanaian trader died of torture in Togolese army custody.", source: "TGO", target: "GHA", .assault, "torture", .done),
        // UnnamedAttacker: only the victims are named.
        ExpectedEvent("Three Kenyan nurses were wounded by a roadside bomb.", source: nil, target: "KEN", .assault, "explosives", .done),
        // Apposition: the subject is the head before it.
        ExpectedEvent("Zambia, a close ally of Malawi, expelled two Angolan diplomats.", source: "ZMB", target: "AGO", .sanction, "expel", .done),
        // ComplaintTopic: a complaint made to someone is about what follows "over".
        ExpectedEvent("Ghana complained to the African Union over Togolese raids.", source: "GHA", target: "TGO", .accuse, "disapprove", .done),
        // AccusedAgents: the agents of what is held against them.
        ExpectedEvent("Kenya is investigating alleged abuses by Ugandan soldiers.", source: "KEN", target: "UGA", .accuse, "investigate", .done),
    ]

    @Test(arguments: cases)
    func extract_readsTheParties(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// An official with no country named who opens a sentence is of the document's own country,
    /// not of the country she speaks of.
    @Test func extract_whenOfficialHasNoCountry_isOfTheDocumentsCountry() throws {
        let events = try Shipped.extractor().extract(
            text: "Chile recalled its ambassador from Lima. Interior Minister Ana Rojas accused Peru of sheltering smugglers.",
            document: "t.txt")
        let charge = try #require(events.first { $0.type == .accuse }, "\(events)")
        #expect(charge.source?.code == "CHLGOV")
        #expect(charge.target?.root == "PER")
    }
}
