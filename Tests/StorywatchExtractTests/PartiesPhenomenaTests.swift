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
        ExpectedEvent("Sweden's ruling Social Democratic Party urged sanctions against Chile.", source: "SWE", target: "CHL", .sanction, "discontinue", .demanded),
        ExpectedEvent("Kenya's opposition Orange Democratic Movement accused the Kenyan government of fraud.", source: "KEN", target: "KEN", .accuse, "allege", .done),
        // Trap: a ministry is the government, a parliament its legislature.
        ExpectedEvent("Chile's Foreign Ministry condemned the raid on Peru.", source: "CHL", target: "PER", .accuse, "disapprove", .done),
        // The attack named after "in" is the verb's own act, with the verb's parties.
        ExpectedEvent("Peruvian guerrillas injured four Chilean police officers in a bomb attack on Friday.",
                      source: "PER", target: "CHL", .assault, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_readsTheParties(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// An official with no country named who opens a sentence is of the document's own country,
    /// not of the country she speaks of.
    @Test func extract_whenOfficialHasNoCountry_isOfTheDocumentsCountry() throws {
        let events = try Shipped.extractor().extract(
            text: "Chile recalled its ambassador from Lima. Trade Minister Ana Rojas said a trade ban on Peru would start in May.",
            document: "t.txt")
        let ban = try #require(events.first { $0.type == .sanction && $0.mode == "discontinue" }, "\(events)")
        #expect(ban.source?.code == "CHLGOV")
        #expect(ban.target?.root == "PER")
    }
}
