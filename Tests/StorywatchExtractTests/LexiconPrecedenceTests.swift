@testable import StorywatchExtract
import StorywatchModel
import StorywatchTesting
import Testing

/// Load order: generated files, hand-written files, operator files; the later entry wins.
struct LexiconPrecedenceTests {
    @Test func load_whenOperatorFileRetypesShippedPhrase_operatorWins() throws {
        // Given an operator file that reads the shipped "boycott" (PROTEST boycott) as a sanction
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("actions-local.txt", "SANCTION discontinue: boycott\n")
        let sentence = "Norway will boycott Chile's fisheries fair in Valdivia."

        // When the lexicon is loaded with it and the sentence is read
        let events = Extractor(lexicon: try Lexicon.load(extraDirectory: dir.path)).extract(text: sentence, document: "test.txt")

        // Then the operator's reading is the only one
        #expect(events.contains { $0.type == .sanction && $0.mode == "discontinue" })
        #expect(!events.contains { $0.type == .protest })
    }

    @Test func build_whenLaterFileRepeatsPhrase_laterReadingWins() throws {
        // Given two action files naming the same phrase, verb in one, noun in the other
        let lexicon = try Lexicon.build([
            (name: "generated/actions-cameo.txt", text: "ASSAULT other: storm\n"),
            (name: "actions.txt", text: "PROTEST demo: ~storm\n"),
        ])

        // When a sentence with it is matched
        let triggers = lexicon.findTriggers(lexicon.tokenize("Farmers storm the depot."))

        // Then only the later file's entry is left
        #expect(triggers.map(\.entry.type) == [.protest])
    }

    @Test func build_whenSameFileRepeatsPhrase_laterLineWins() throws {
        let lexicon = try Lexicon.build([(name: "actions.txt", text: "ACCUSE disapprove: scold\nREJECT other: scold\n")])
        let triggers = lexicon.findTriggers(lexicon.tokenize("Peru scolded Bolivia."))
        #expect(triggers.map(\.entry.type) == [.reject])
    }

    @Test func build_whenLaterFileRepeatsActorPhrase_laterCodeWins() throws {
        let lexicon = try Lexicon.build([
            (name: "generated/organisations-nonstate-phoenix.txt", text: "XYZREB: Blue Hand\n"),
            (name: "organisations.txt", text: "COLREB: Blue Hand\n"),
        ])
        let entries = lexicon.table.actorEntries.filter { $0.code.hasSuffix("REB") }
        #expect(entries.map(\.code) == ["COLREB"])
    }
}

extension LexiconPrecedenceTests {
    @Test func build_whenTwoHandWrittenFilesShareAName_bothOfficesStay() throws {
        // One person, two offices in two hand-written files (people.txt, people-world.txt)
        let lexicon = try Lexicon.build([
            (name: "people.txt", text: "IGONAT: Ola Brandvik ;; role=secretary-general; years=2031-2035\n"),
            (name: "people-world.txt", text: "NORGOV: Ola Brandvik ;; role=prime minister; years=2025-2030\n"),
        ])
        #expect(Set(lexicon.table.actorEntries.map(\.code)) == ["IGONAT", "NORGOV"])
    }
}
