@testable import StorywatchExtract
import StorywatchModel
import Testing

/// Who the parties of an act are, one phenomenon a group of sentences written for it.
struct PartiesPhenomenaTests {
    static let cases: [ExpectedEvent] = [
        // A country named for its edge ("near the Angolan border") is where, not a party; its border guards are its people.
        ExpectedEvent("Zambian troops seized a rebel depot near the Angolan border on Friday.", source: "ZMB", target: nil, .coerce, "seize", .done),
        ExpectedEvent("Kenyan police arrested nine smugglers off Somalia's coast.", source: "KEN", target: nil, .coerce, "arrest", .done),
        // …unless force is aimed at what is named for the edge: its country is the target.
        ExpectedEvent("Peruvian artillery shelled a Chilean border post.", source: "PER", target: "CHL", .assault, "heavy-weapons", .done),
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
        // Force with no agent named (`AgentlessForce`) is coded to where it happens, its victims the target.
        ExpectedEvent("A Peruvian reporter was shot dead in Quito on Monday.", source: "ECU", target: "PER", .assault, "firearms", .done),
        ExpectedEvent("There were eight Kenyan soldiers killed in Somalia this week.", source: "SOM", target: "KEN", .assault, "other", .done),
        ExpectedEvent("Two Ghanaian engineers were abducted in Togo.", source: "TGO", target: "GHA", .assault, "abduct", .done),
        // Trap: a noun of force after "in" tells the act with its own agent.
        ExpectedEvent("Three Peruvian fishermen were killed in a Chilean air strike on Tuesday.", source: "CHL", target: nil, .assault, "aerial", .done),
        // A place phrase nested through "of" still places it (`NestedPlace`).
        ExpectedEvent("A car bomb exploded in a crowded suburb of southern Lima.", source: "PER", target: "PER", .assault, "explosives", .done),
        ExpectedEvent("A Ghanaian trader was killed in a roadside bombing at the edge of Lome.", source: "TGO", target: "GHA", .assault, "explosives", .done),
        // Whose forces move acts; where they go or leave is acted on (`OwnForces`). Peacekeepers sent are aid.
        ExpectedEvent("The withdrawal of Ugandan troops from Congo began on Monday.", source: "UGA", target: "COD", .retreat, "withdraw", .done),
        ExpectedEvent("The deployment of Ghanaian peacekeepers in Mali began on Tuesday.", source: "GHA", target: "MLI", .aid, "peacekeeping", .done),
        ExpectedEvent("Peru welcomed the pullout of Chilean forces from the disputed valley.", source: "CHL", target: nil, .retreat, "withdraw", .done),
        ExpectedEvent("Kenya sent 400 peacekeepers to Somalia on Monday.", source: "KEN", target: "SOM", .aid, "peacekeeping", .done),
        ExpectedEvent("Ghana declined on Friday to deploy more peacekeepers in Mali, officials in Accra said.",
                      source: "GHA", target: "MLI", .aid, "peacekeeping", .refused),
        ExpectedEvent("Togo will not deploy any troops in Benin this year.", source: "TGO", target: "BEN", .mobilize, "troops", .refused),
        // A withdrawal is aimed at the ground it leaves, not at a party named later (`OwnForces.leftGround`).
        ExpectedEvent("Ugandan troops began pulling out of their bases in Congo after heavy losses to Rwandan-backed rebels, officials said.",
                      source: "UGA", target: "COD", .retreat, "withdraw", .done),
        ExpectedEvent("Peruvian units are retreating from the last town they held in Ecuador, a Chilean officer said.",
                      source: "PER", target: "ECU", .retreat, "withdraw", .done),
        // Victims a relative clause tells are the target, never the agent (`RelativeVictims`); "in which" is no place.
        ExpectedEvent("Bolivian rebels launched an attack in which four Chilean guards were killed.", source: "BOL", target: "CHL", .assault, "other", .done),
        ExpectedEvent("A bomb attack in which three Chilean soldiers died shook the border town.", source: nil, target: "CHL", .assault, "explosives", .done),
        // Fighting between two sides is force between them (`BetweenParties`).
        ExpectedEvent("Fighting between Eritrean and Ethiopian troops went on overnight.", source: "ERI", target: "ETH", .assault, "other", .done),
        // A ban in the passive restricts its subject, by the agent after "by" or the party announcing it (`Prohibition`).
        ExpectedEvent("Ghana said Togolese trucks would no longer be permitted to cross the border.",
                      source: "GHA", target: "TGO", .coerce, "restrict", .threatened),
        ExpectedEvent("Togolese traders were not allowed into the market by Ghanaian police.",
                      source: "GHA", target: "TGO", .coerce, "restrict", .done),
        // The agent of an inner passive is the one an allegation accuses (`AllegedAgent`, `Announcer`).
        ExpectedEvent("Kenya said the depot, which is alleged to have been looted by Somali soldiers, would stay shut.",
                      source: "KEN", target: "SOM", .accuse, "allege", .done),
        // A party at home is its own target, but not one named in a clause of its own after the act.
        ExpectedEvent("The Kurdistan Workers Party mounted a raid overnight, which Turkish officers blamed on its mountain units.",
                      source: "TUR", target: nil, .assault, "other", .done),
        // A relative clause inside a phrase's gap is about the noun before it (`RelativeGap`).
        ExpectedEvent("Chile will allow Bolivian miners whose permits lapsed during the strike to return.",
                      source: "CHL", target: "BOL", .agree, "other", .promised),
        ExpectedEvent("Peru ordered the Chilean diplomats, who were accused of spying on the navy, to leave within 48 hours.",
                      source: "PER", target: "CHL", .sanction, "expel", .done),
        // A group with no country that opens its clause is of the place the clause happens in (`GroupScene`).
        ExpectedEvent("Rebels kidnapped six Chilean soldiers in Peru.", source: "PER", target: "CHL", .assault, "abduct", .done),
        ExpectedEvent("Militants shelled a Ghanaian army post near Lome.", source: "TGO", target: "GHA", .assault, "heavy-weapons", .done),
        // Trap: a group's own country comes first.
        ExpectedEvent("Chilean rebels kidnapped six soldiers in Peru.", source: "CHL", target: "PER", .assault, "abduct", .done),
        // Trap: troops sent in force are still a mobilisation, and a release frees the ones named after "of".
        ExpectedEvent("Chile sent 3,000 troops to Bolivia.", source: "CHL", target: "BOL", .mobilize, "troops", .done),
        ExpectedEvent("Peru demanded the release of Chilean fishermen.", source: "PER", target: "CHL", .retreat, "release", .demanded),
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
        // SubordinateGerund: a gerund after "before" or "after" is the main clause subject's act.
        ExpectedEvent("Bolivian troops exchanged fire with Paraguayan police before pulling back.", source: "BOL", target: nil, .retreat, "withdraw", .done),
        // Trap: "as well as" joins an act whose subject is read as usual.
        ExpectedEvent("Chile imposed new tariffs on Peru, as well as expelling two Peruvian diplomats.", source: "CHL", target: "PER", .sanction, "expel", .done),
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
