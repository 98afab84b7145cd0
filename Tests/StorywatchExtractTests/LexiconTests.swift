@testable import StorywatchExtract
import StorywatchModel
import StorywatchTesting
import Testing

struct LexiconTests {
    @Test func build_whenActionHasUnknownType_throwsWithFileAndLine() {
        // Given an actions file whose third line names no PLOVER type
        let text = "# operator actions\nSANCTION expel: expel\nBADTYPE mode: x\n"

        // When the lexicon is built
        let error = #expect(throws: DictionaryError.self) {
            try Lexicon.build([(name: "actions.txt", text: text)])
        }

        // Then the error names the file and the line
        #expect(error?.file == "actions.txt")
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("actions.txt:3:") == true)
    }

    @Test func build_whenLineHasNoColon_throwsWithFileAndLine() {
        // Given a cues file whose second line has no ':'
        let text = "proposed: propose | suggest\nthreatened threaten\n"

        // When the lexicon is built
        let error = #expect(throws: DictionaryError.self) {
            try Lexicon.build([(name: "cues.txt", text: text)])
        }

        // Then the error names the file, the line and the missing ':'
        #expect(error?.file == "cues.txt")
        #expect(error?.line == 2)
        #expect(error?.reason.contains("':'") == true)
    }

    @Test func build_whenCueUnknown_throwsWithFileAndLine() {
        // Given a cues file with a status storywatch does not have
        // When the lexicon is built
        let error = #expect(throws: DictionaryError.self) {
            try Lexicon.build([(name: "cues.txt", text: "hoped: hope for\n")])
        }

        // Then the error points at it
        #expect(error?.file == "cues.txt")
        #expect(error?.line == 1)
    }

    @Test func build_whenGrammarClassUnknown_throwsWithFileAndLine() {
        // Given a grammar file with a class no rule names
        // When the lexicon is built
        let error = #expect(throws: DictionaryError.self) {
            try Lexicon.build([(name: "grammar.txt", text: "modal: may\nhedge: perhaps\n")])
        }

        // Then the error points at it
        #expect(error?.file == "grammar.txt")
        #expect(error?.line == 2)
    }

    @Test func build_whenGrammarListsClassesAndValues_flagsWordsAndReadsValues() throws {
        // Given a grammar file with a class, a number word and a toll word
        let text = "light-verb: impose\nnumber 12: dozen\ntoll dead: perished\n"

        // When the lexicon is built
        let lex = try Lexicon.build([(name: "grammar.txt", text: text)])

        // Then the class's word carries its flag, and the values are read
        let tokens = lex.tokenize("impose a dozen perished")
        #expect(lex.isA(tokens[0], WordClass.lightVerb))
        #expect(!lex.isA(tokens[1], WordClass.lightVerb))
        #expect(lex.table.numberWord[Int(tokens[2].lowerID)] == 12)
        #expect(lex.table.tollUnit[Int(tokens[3].lowerID)] == "dead")
    }

    @Test func load_whenShipped_listsWordsOfEveryGrammarClass() throws {
        // Given the shipped dictionaries
        // When they are loaded
        let lex = try Lexicon.load(extraDirectory: nil)

        // Then every class a rule names has words in grammar.txt
        let listed = lex.table.info.reduce(UInt64(0)) { $0 | $1.flags }
        for c in GrammarClass.allCases { #expect(listed & c.flag != 0, "no words under \(c.key)") }
    }

    @Test func build_whenActorCodeMalformed_throwsWithFileAndLine() {
        // Given an operator actor file with a code that is not letters
        // When the lexicon is built
        let error = #expect(throws: DictionaryError.self) {
            try Lexicon.build([(name: "local.txt", text: "NORGOV: Oslo\nN-1: Fjord Watch\n")])
        }

        // Then the error points at the bad line
        #expect(error?.file == "local.txt")
        #expect(error?.line == 2)
    }

    @Test func load_whenExtraDirectoryAddsActor_recognisesIt() throws {
        // Given an operator file adding an environmental group
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("local-groups.txt", "# our additions\nNGOFJW: Fjord Watch\n")
        let sentence = "Fjord Watch accused Belarus of dumping waste in the Pasvik river."
        let shipped = try Shipped.extractor().extract(text: sentence, document: "test.txt")

        // When the lexicon is loaded with that directory and the sentence is read
        let extended = Extractor(lexicon: try Lexicon.load(extraDirectory: dir.path))
        let events = extended.extract(text: sentence, document: "test.txt")

        // Then the group is known, where the shipped dictionaries alone do not know it
        #expect(shipped.first { $0.type == .accuse }?.source?.code != "NGOFJW")
        let accusation = try #require(events.first { $0.type == .accuse })
        #expect(accusation.source?.code == "NGOFJW")
        #expect(accusation.source?.name == "Fjord Watch")
        #expect(accusation.target?.root == "BLR")
    }

    @Test func load_whenExtraFileBroken_throwsNamingIt() throws {
        // Given an operator file with a line missing its ':'
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("broken.txt", "NGOFJW Fjord Watch\n")

        // When the lexicon is loaded with that directory
        let error = #expect(throws: DictionaryError.self) {
            try Lexicon.load(extraDirectory: dir.path)
        }

        // Then the error names the operator file and its line
        #expect(error?.file.hasSuffix("broken.txt") == true)
        #expect(error?.line == 1)
    }

    @Test func load_whenShipped_recognisesCountries() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a sentence naming two states by name and adjective is read
        let events = extractor.extract(text: "Norway expelled five Belarusian diplomats.", document: "test.txt")

        // Then both are coded by their ISO roots
        #expect(events.first?.source?.code == "NOR")
        #expect(events.first?.target?.root == "BLR")
    }
}
