@testable import StorywatchLexicon
import Testing

struct PhoenixReaderTests {
    @Test func actors_readNamesAliasesAndDatedCodes() {
        // An invented country and its invented leader, in Phoenix's format.
        let text = """
        # test entries
        MARAVOLIA_  [MVX]
        +MARAVOLIAN_
        +REPUBLIC_OF_MARAVOLIA_

        TOMAS_VELKOR_  # a comment
        +VELKOR_
        \t[MVXGOV 980301-040615]
        \t[MVXOPP >040616]
        \t[USRGOV <910101]
        """
        let actors = PhoenixActorReader.read(text)
        #expect(actors.count == 2)
        #expect(actors[0].names == ["Maravolia", "Maravolian", "Republic of Maravolia"])
        #expect(!actors[0].isDated)
        #expect(actors[1].codes == [
            PhoenixCode(code: "MVXGOV", from: "1998-03-01", until: "2004-06-15"),
            PhoenixCode(code: "MVXOPP", from: "2004-06-16", until: nil),
            PhoenixCode(code: "RUSGOV", from: nil, until: "1991-01-01"),
        ])
    }

    @Test func actors_mapUnitedNationsAndEuropeanCodes() {
        let actors = PhoenixActorReader.read("GRAIN_COUNCIL_OF_THE_UN_\t[IGOUNOAGR]\nEU_FISH_DESK_ [IGOEUREEC]\n")
        #expect(actors.map { $0.codes[0].code } == ["UNOAGR", "EUR"])
        #expect(actors[0].names == ["Grain Council of the Un"])
    }

    @Test func agents_expandMarkersAndKeepStorywatchSectors() {
        let text = """
        !PERSON! = MAN, WOMAN
        !MINIST! = MINISTER, MINISTRY
        BORDER_GUARD {BORDER_GUARDS} [~COP]
        COAST!PERSON! [~MIL]
        !MINIST! OF_HARBOURS [~GOVBUS]
        INSURGENT [~INS]
        ORCHARDIST [~AGR]
        """
        let (roles, dropped) = PhoenixAgentReader.read(text)
        #expect(roles["COP"] == ["border guard", "border guards"])
        #expect(roles["MIL"] == ["coastman", "coastwoman"])
        #expect(roles["GOV"] == ["minister of harbours", "ministry of harbours"])
        #expect(roles["REB"] == ["insurgent"])
        #expect(dropped == 1)
    }
}

struct ArmedGroupCodeTests {
    @Test func armedGroupCode_mapsRegionsToTransnationalAndBareRootsToRebels() {
        #expect(LexiconGenerator.armedGroupCode("MEAMUS") == "IMGMUS")
        #expect(LexiconGenerator.armedGroupCode("COL") == "COLREB")
        #expect(LexiconGenerator.armedGroupCode("ANGREB") == "AGOREB")
        #expect(LexiconGenerator.armedGroupCode("PERREB") == "PERREB")
    }
}
