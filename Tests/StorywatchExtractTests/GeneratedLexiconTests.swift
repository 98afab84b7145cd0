@testable import StorywatchExtract
import StorywatchModel
import Testing

/// What the generated CAMEO and Phoenix entries add to the hand-written lexicon (issue 13).
struct GeneratedLexiconTests {
    @Test(arguments: [
        // An irregular form CAMEO lists ("blew") reaches the hand-written "blow up".
        ExpectedEvent("Peruvian rebels blew up a power pylon outside Arequipa on Tuesday.",
                      source: "PER", target: "PER", .assault, "explosives", .done),
        // A concession verb the hand lexicon never had.
        ExpectedEvent("The Moldovan garrison capitulated to Romanian forces after a week.",
                      source: "MDA", target: "ROU", .concede, "other", .done),
        // A CAMEO intent verb read as a cue: the release is promised.
        ExpectedEvent("Bolivia guaranteed to release the Chilean fishermen before Easter.",
                      source: "BOL", target: "CHL", .retreat, "release", .promised),
    ])
    func extract_readsGeneratedPhrases(_ expected: ExpectedEvent) throws {
        try expected.verify(with: try Shipped.extractor())
    }

    @Test func load_whenShipped_knowsPhoenixAgentsAndArmedGroups() throws {
        let lexicon = try Shipped.lexicon.get()
        // "gendarmerie" is a Phoenix agent only: a security force.
        #expect(lexicon.table.rolesByID[Int(lexicon.id("gendarmerie"))].contains { $0.sector == "MIL" || $0.sector == "COP" })
        // An armed non-state group keeps its own REB code, a side of its own (design §2).
        #expect(lexicon.table.actorEntries.contains { $0.code.count > 3 && $0.code.hasSuffix("REB") && !$0.isPerson })
    }

    @Test func build_whenHandWrittenWordHasGeneratedPattern_handSensesOnly() throws {
        // Sense check: CAMEO's "back ... plan" (SUPPORT) under a word the hand lexicon reads otherwise
        let lexicon = try Lexicon.build([
            (name: "generated/actions-cameo.txt", text: "SUPPORT other: back ... plan | rally\n"),
            (name: "actions.txt", text: "RETREAT withdraw: back down\n"),
        ])

        // When a sentence with both words is matched
        let triggers = lexicon.findTriggers(lexicon.tokenize("Chile did not back down from the plan, and farmers rallied."))

        // Then the hand-written reading of "back" is the only one; a word the hand lexicon lacks keeps CAMEO's
        #expect(triggers.map(\.entry.type) == [.retreat, .support])
    }
}
