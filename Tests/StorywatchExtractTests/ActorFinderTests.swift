@testable import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import Testing

/// Resolution of pronouns, quoted speakers, titles and names across the sentences of a document.
struct ActorFinderTests {
    private let march = Day(year: 2025, month: 3, day: 14)

    private func events(of text: String) throws -> [Event] {
        let document = DocumentParser().parse(text: text, path: "norway-belarus.txt", fallbackDate: march)
        return try Shipped.extractor().extract(document: document).map(\.event)
    }

    @Test func extract_whenForcesLedByCountry_readsThatCountry() throws {
        // Given a sentence about a coalition led by Norway
        // When it is read
        let events = try events(of: "Norwegian-led forces shelled Belarusian positions near the border on Monday.")

        // Then Norway acts
        let assault = try #require(events.first { $0.type == .assault })
        #expect(assault.source?.root == "NOR")
        #expect(assault.target?.root == "BLR")
    }

    @Test func extract_whenItAfterPlaceInPhrase_resolvesToSubject() throws {
        // Given "it" after a party named only inside a phrase
        // When the sentence is read
        let events = try events(of: "In a letter to the United Nations, Belarus said it would expel two Norwegian diplomats.")

        // Then "it" is Belarus, the subject
        let expulsion = try #require(events.first { $0.mode == "expel" })
        #expect(expulsion.source?.root == "BLR")
    }

    @Test(arguments: [
        // After a verb of saying, "it" is who says, not the first clause's subject.
        ("Malawi and Zambia agreed to hold talks, and Lusaka said it would reopen its ports to Malawian boats.", "ZMB"),
        ("Belarus protested, but Oslo said it would expel two Belarusian diplomats.", "NOR"),
        // Joined subjects who say it are both: the first leads.
        ("Latvia and Estonia said they would expel two Belarusian diplomats.", "LVA"),
    ])
    func extract_whenItFollowsAVerbOfSaying_resolvesToTheSpeaker(_ c: (String, String)) throws {
        let act = try #require(events(of: c.0).first { $0.type == .retreat || $0.type == .sanction })
        #expect(act.source?.root == c.1, "\(act.source?.code ?? "-")")
    }

    @Test func extract_whenPronounHe_resolvesToPersonOfSentenceBefore() throws {
        // Given an article naming a Belarusian minister, then referring to him as "He"
        let text = """
            Belarusian foreign minister Anton Kravets arrived in Oslo on Monday for talks on the border dispute. \
            He accused Norway of sheltering opposition activists.
            """

        // When the document is read
        let events = try events(of: text)

        // Then the accusation is the minister's
        let accusation = try #require(events.first { $0.type == .accuse })
        #expect(accusation.source?.name == "Anton Kravets")
        #expect(accusation.source?.root == "BLR")
        #expect(accusation.target?.root == "NOR")
    }

    @Test func extract_whenQuotedWe_resolvesToPersonOfSentenceBefore() throws {
        // Given an article naming Norway's foreign minister, then quoting him refusing an expulsion
        let text = """
            Norway's foreign minister Lars Haugen met the Belarusian ambassador in Oslo on Tuesday. \
            "We will not expel any of their staff."
            """

        // When the document is read
        let events = try events(of: text)

        // Then the refusal is the minister's
        let refusal = try #require(events.first { $0.type == .sanction && $0.mode == "expel" })
        #expect(refusal.source?.name == "Lars Haugen")
        #expect(refusal.source?.root == "NOR")
        #expect(refusal.status == .refused)
    }

    @Test
    func extract_whenTheMinister_resolvesToLastMinisterNamed() throws {
        // Given two ministers named, the Belarusian one last, then "The minister"
        let text = """
            Norway's foreign minister Lars Haugen met Belarusian interior minister Pavel Sokol in Vienna on Monday. \
            The minister accused Norway of sheltering opposition activists.
            """

        // When the document is read
        let events = try events(of: text)

        // Then the accusation is the last minister's
        let accusation = try #require(events.first { $0.type == .accuse })
        #expect(accusation.source?.name == "Pavel Sokol")
        #expect(accusation.source?.root == "BLR")
    }

    /// A name the dictionaries do not know, introduced with a country and a title, is recalled
    /// later by its surname, or by its first word when the family name is written first.
    @Test(arguments: [
        ("Norway's foreign minister Kari Nordmann summoned the Belarusian ambassador on Monday. "
            + "On Friday, Nordmann expelled three Belarusian diplomats.", "Kari Nordmann", "NOR", "BLR"),
        ("Vietnam's trade minister Tran Quang Vinh met Thai officials on Monday. "
            + "On Friday, Tran expelled three Thai diplomats.", "Tran Quang Vinh", "VNM", "THA"),
    ])
    func extract_whenPartOfNameIntroducedWithTitleRecurs_recognisesPerson(_ c: (text: String, name: String, source: String, target: String)) throws {
        // When the document is read
        let events = try events(of: c.text)

        // Then the bare name later is the same person, an official of the country introduced
        let expulsion = try #require(events.first { $0.type == .sanction && $0.mode == "expel" })
        #expect(expulsion.source?.name == c.name)
        #expect(expulsion.source?.root == c.source)
        #expect(expulsion.target?.root == c.target)
        #expect(expulsion.status == .done)
    }

    /// A body's person named with a post in it ("the Peruvian navy's spokesman Ana Ruiz",
    /// "foreign ministry spokeswoman Lin Mei") speaks for the body, and is recalled later.
    @Test func extract_whenPersonNamedWithPostInABody_actsForTheBody() throws {
        let text = """
            Chinese foreign ministry spokeswoman Lin Xiaomei accused Norway of lying on Monday. \
            On Friday, Lin accused Norway of spying.
            """
        let events = try events(of: text)
        let accusations = events.filter { $0.type == .accuse }
        #expect(accusations.count == 2)
        #expect(accusations.allSatisfy { $0.source?.code == "CHNGOV" && $0.source?.name == "Lin Xiaomei" && $0.target?.root == "NOR" })
    }

    /// A recalled word read on into another name ("Tran Van Long" after "Tran Quang Vinh") is that
    /// other name, not the person named first.
    @Test func extract_whenRecalledWordStartsAnotherName_readsTheOtherName() throws {
        let text = """
            Vietnam's trade minister Tran Quang Vinh met Thai officials on Monday. \
            On Friday, Tran Van Long expelled three Thai diplomats.
            """
        let events = try events(of: text)
        let expulsion = try #require(events.first { $0.type == .sanction && $0.mode == "expel" })
        #expect(expulsion.source?.name != "Tran Quang Vinh")
    }

    /// A title that ends the text, with no full stop after it, is read without running past the end.
    @Test func extract_whenTitleEndsTheText_readsIt() throws {
        let events = try events(of: "Chile expelled two Peruvian diplomats, said the foreign minister")
        #expect(events.contains { $0.source?.root == "CHL" })
    }

    @Test func extract_whenPersonNamedInAnotherDocument_leavesPronounUnresolved() throws {
        // Given one document naming a Belarusian minister
        _ = try events(of: "Belarusian foreign minister Anton Kravets arrived in Oslo on Monday for talks.")

        // When another document opens with "He"
        let events = try events(of: "He accused Norway of sheltering opposition activists.")

        // Then the minister of the other document is not carried over
        let accusation = try #require(events.first { $0.type == .accuse })
        #expect(accusation.source == nil)
        #expect(accusation.target?.root == "NOR")
    }

    @Test func extract_whenOppositionGroupHasNoCountry_placesItByNearestCountry() throws {
        // Given an opposition alliance named without its country, acting in Minsk
        // When the sentence is read
        let events = try events(of: "Leaders of the Freedom opposition alliance condemned the arrests in Minsk on Friday.")

        // Then the alliance is Belarus's opposition
        let condemnation = try #require(events.first { $0.type == .accuse })
        #expect(condemnation.source?.code == "BLROPP")
    }

    @Test func extract_whenBodyNamedWithRole_keepsTheBodysCode() throws {
        // Given officials of an intergovernmental body
        // When the sentence is read
        let events = try events(of: "Red Cross officials suspended aid flights into Mogadishu after the attack.")

        // Then they act as the body, not as a generic sector of its root
        let suspension = try #require(events.first { $0.type == .sanction })
        #expect(suspension.source?.code == "IGOICR")
    }

    @Test func extract_whenGreetingNamesPlace_readsNoActAndTalksStayTheMinisters() throws {
        // Given a sentence opening on a city, then two ministers holding talks
        // When it is read
        let events = try events(of: "Welcome to Geneva, where the Armenian and Azerbaijani foreign ministers held talks this morning.")

        // Then the greeting is no act, and the talks are the ministers', not the city's
        #expect(!events.contains { $0.type == .support }, "events: \(events.map(\.family))")
        let talks = try #require(events.first { $0.type == .consult })
        #expect(talks.source?.root == "ARM")
        #expect(talks.target?.root == "AZE")
    }

    @Test func extract_whenSpeakerSaysInMyView_theSpeakerIsNoPlace() throws {
        // Given a quoted speaker and "in my view" beside an act with no agent
        let text = """
            Norwegian foreign minister Kari Nordmann spoke on Monday.             "This shelling of homes is, in my view, a crime against civilians."
            """

        // When the document is read
        let events = try events(of: text)

        // Then the speaker is not made the source as if she were the place of the shelling
        #expect(!events.contains { $0.type == .assault && $0.source?.root == "NOR" }, "events: \(events.map(\.family))")
    }

    @Test func extract_whenSentenceOpensOnCity_itIsTheStateNotTheCity() throws {
        // Given a sentence opening on a Lithuanian city, then Belarus and "it"
        // When it is read
        let events = try events(of: "Kaunas was quiet on Monday as Belarus said it would expel two Norwegian diplomats.")

        // Then "it" is Belarus: a place is no antecedent
        let expulsion = try #require(events.first { $0.mode == "expel" })
        #expect(expulsion.source?.root == "BLR")
    }
}
