@testable import StorywatchLexicon
import Testing

struct CameoConverterTests {
    /// A small dictionary in CAMEO.2.0's format, written for these tests.
    static let cameo = """
    ####### SYNONYM SETS #######
    &TRUCE
    +TRUCE
    +CEASE-FIRE

    ####### VERB PATTERNS #######
    ---  BREACH   [---]  ---
    BREACH
    - * &TRUCE                                   [196]   # BREACH

    ---  DETONATE   [183]  ---
    +BLOW_UP {+BLEW_UP +BLOWN_UP +BLOWING_UP }
    DETONATE
    - TANKS *                                    [190]   # DETONATE
    - + * BY $                                   [183]   # DETONATE

    ---  THREATEN   [130]  ---
    THREATEN
    - * SANCTIONS                                [1312]  # THREATEN
    - * (TO CUT) TIES (WITH +)                   [1313]  # THREATEN

    ---  MEET   [040]  ---
    CONFER
    - * (IN {NEUTRAL CAPITAL})                   [044:044] # CONFER
    - * (AT CAMP)                                [:1243] # CONFER
    - * GREETING                                 [018]   # CONFER
    """

    static let table = PloverTable(text: """
    04: CONSULT
    040: CONSULT, ,  # Consult
    044: CONSULT, third-party,   # Meet at a 'third' location
    13: THREATEN
    130: THREATEN,   ,  # Threaten
    18: ASSAULT
    183: ASSAULT,  suicide-attack,  # bombing
    19: ASSAULT
    196: ASSAULT, , legal; military # Violate ceasefire
    """)

    @Test func read_parsesVerbsFormsAndPatterns() {
        let dictionary = CameoDictionary(text: Self.cameo)
        #expect(dictionary.synsets["&TRUCE"] == ["truce", "cease-fire"])
        #expect(dictionary.blocks.map(\.name) == ["BREACH", "DETONATE", "THREATEN", "MEET"])
        let blowUp = dictionary.blocks[1].verbs[0]
        #expect(blowUp.words == ["blow", "up"])
        #expect(blowUp.irregularForms == ["blew", "blown", "blowing"])
        #expect(dictionary.blocks[1].patterns[1].before == ["+"])
        #expect(dictionary.blocks[3].patterns[0].code == "044:044")
    }

    @Test func convert_mapsCodesToPloverAndStancesToCues() {
        let out = CameoConverter(table: Self.table, stopList: []).convert(CameoDictionary(text: Self.cameo))
        // A synonym set expands; a gap lets an article stand between verb and object.
        #expect(out.actions["ASSAULT other"] == ["breach ... truce", "breach ... cease-fire"])
        // The block's code reaches a verb with none of its own; the closed mode list keeps suicide-attack.
        #expect(out.actions["ASSAULT suicide-attack"] == ["blow up", "detonate"])
        // Both-ways codes keep their first half; the parenthesised place is words after gaps.
        #expect(out.actions["CONSULT third-party"] == ["confer ... in ... neutral capital"])
        #expect(out.actions["CONSULT other"] == ["confer"])
        // A threat verb is a cue and, alone, its own type; its patterns are left to cue + object.
        #expect(out.cues["threatened"] == ["threaten"])
        #expect(out.actions["THREATEN other"] == ["threaten"])
        #expect(out.dropped["stance pattern (cue + object's action)"] == 2)
        #expect(out.dropped["words before the verb"] == 1)
        #expect(out.dropped["target before the verb"] == 1)
        #expect(out.dropped["reverse roles only"] == 1)
        #expect(out.dropped["no PLOVER type (CAMEO 01x/02x)"] == 1)
        // "blowing" is regular: the morphology derives it.
        #expect(out.irregular["blow"] == ["blew", "blown"])
    }

    @Test func convert_leavesOutStopListPhrases() {
        let out = CameoConverter(table: Self.table, stopList: ["confer"]).convert(CameoDictionary(text: Self.cameo))
        #expect(out.actions["CONSULT other"] == nil)
        #expect(out.dropped["stop list"] == 1)
    }

    @Test func convert_leavesOutStopListTypes() {
        let out = CameoConverter(table: Self.table, stopList: ["type: assault"]).convert(CameoDictionary(text: Self.cameo))
        #expect(out.actions.keys.sorted() == ["CONSULT other", "CONSULT third-party", "THREATEN other"])
        #expect(out.dropped["type left out (stop list)"] == 4)
    }

    @Test func ploverTable_readsModesAndFallsBackToParentCode() {
        #expect(Self.table.plover(for: "0441") == PloverCode(type: "CONSULT", mode: "third-party"))
        // A mode outside design §3's closed list reads as other.
        let table = PloverTable(text: "1712: ASSAULT, seize, human_security\n175: ASSAULT, pro_autocracy , military\n")
        #expect(table.plover(for: "175") == PloverCode(type: "ASSAULT", mode: "other"))
        #expect(table.plover(for: "1712") == PloverCode(type: "ASSAULT", mode: "destroy"))
    }
}
