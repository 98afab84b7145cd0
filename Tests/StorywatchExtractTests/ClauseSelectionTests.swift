@testable import StorywatchExtract
import StorywatchModel
import Testing

/// One event per action: cue verbs fold into what they govern, background clauses and glosses
/// drop, parties are read from the clause (design §2–3). Sentences written for these tests.
struct ClauseSelectionTests {
    static let oneEvent: [ExpectedEvent] = [
        // A month's name is a date, no march.
        ExpectedEvent("On 12 March Norway expelled five Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .done),
        ExpectedEvent("Sweden has recalled its ambassador from Belarus since March.",
                      source: "SWE", target: "BLR", .sanction, "withdraw", .done),
        // A cue verb is no action of its own.
        ExpectedEvent("Belarus threatened to impose sanctions on Norway.",
                      source: "BLR", target: "NOR", .sanction, "discontinue", .threatened),
        // The one urged is the target; the one who urges, the source.
        ExpectedEvent("Sweden urged Finland to expel the Belarusian ambassador.",
                      source: "SWE", target: "FIN", .sanction, "expel", .demanded),
        // "must" after a report: who says it demands it of who must.
        ExpectedEvent("Sweden said Belarus must release the detained Swedish journalists.",
                      source: "SWE", target: "BLR", .retreat, "release", .demanded),
        // A relative clause tells old news.
        ExpectedEvent("Norway expelled two Belarusian diplomats, who had attended a protest in Oslo.",
                      source: "NOR", target: "BLR", .sanction, "expel", .done),
        // A condition is no event.
        ExpectedEvent("Belarus will expel Norwegian diplomats if Norway imposes sanctions.",
                      source: "BLR", target: "NOR", .sanction, "expel", .threatened),
        // A purpose clause serves the act before it.
        ExpectedEvent("Farmers in Poland staged protests to demand lower fuel prices.",
                      source: "POL", target: nil, .protest, "demo", .done),
        // A gloss after a comma comments on the act.
        ExpectedEvent("Norway expelled five Belarusian diplomats, accusing them of spying.",
                      source: "NOR", target: "BLR", .sanction, "expel", .done),
        // A stance taken on ending a measure is the measure's status.
        ExpectedEvent("Belarus refused to lift the sanctions on Norway.",
                      source: "BLR", target: "NOR", .sanction, "discontinue", .refused),
        // An apposition does not hide the subject.
        ExpectedEvent("Finland, a close partner of Sweden, expelled two Belarusian diplomats.",
                      source: "FIN", target: "BLR", .sanction, "expel", .done),
        // An opening phrase sets the scene.
        ExpectedEvent("In a note delivered to Poland late on Friday, Lithuania said it would expel four Belarusian envoys.",
                      source: "LTU", target: "BLR", .sanction, "expel", .threatened),
        // A participle describing a noun is no clause ("an activist jailed last year").
        ExpectedEvent("Belarus released a Lithuanian activist jailed in 2020.",
                      source: "BLR", target: "LTU", .retreat, "release", .done),
        // What a complaint is about is its topic, not an act of the one complaining.
        ExpectedEvent("Norway condemned the arrests in Minsk on Friday.",
                      source: "NOR", target: "BLR", .accuse, "disapprove", .done),
        // A word of a name ("opposition alliance") is no act.
        ExpectedEvent("The opposition alliance condemned Belarus on Friday.",
                      source: "BLR", target: "BLR", .accuse, "disapprove", .done),
        // The accused are the agents of what is held against them.
        ExpectedEvent("Norway is investigating alleged abuses by Belarusian border guards against migrants.",
                      source: "NOR", target: "BLR", .accuse, "investigate", .done),
        // A threat is aimed at the one whose act is its condition.
        ExpectedEvent("Belarus threatened to end the talks if Norway expels its diplomats.",
                      source: "BLR", target: "NOR", .consult, "other", .threatened),
        // "under investigation": the subject undergoes it, in the country where it happens; a
        // reason phrase after it is no act, and "possible" there describes the role, not the probe.
        ExpectedEvent("A Chilean businessman was put under investigation in Peru for his possible part in a bribery scheme.",
                      source: "PER", target: "CHL", .accuse, "investigate", .done),
        // Getting ready to fight is a mobilisation seen done.
        ExpectedEvent("The Belarusian army prepared to shell Lithuanian positions.",
                      source: "BLR", target: "LTU", .mobilize, "troops", .done),
        // Readiness stated is a stance: harm announced is a threat.
        ExpectedEvent("Belarus said it is prepared to shell Lithuanian positions.",
                      source: "BLR", target: "LTU", .assault, "heavy-weapons", .threatened),
        // Force with no agent named is coded to the country it happens in.
        ExpectedEvent("A police officer was killed in a bomb attack in Lima on Thursday.",
                      source: "PER", target: "PER", .assault, "explosives", .done),
        ExpectedEvent("An Estonian border guard was wounded by a roadside bomb outside the Russian city of Pskov.",
                      source: "RUS", target: "EST", .assault, "explosives", .done),
        // What unattributed force did, told after a place phrase, is one act: its victims are the target.
        ExpectedEvent("A car bomb in central Mogadishu on Friday killed six Kenyan peacekeepers and wounded nine others.",
                      source: "SOM", target: "KEN", .assault, "explosives", .done),
        // The one engaged in a fight is its target.
        ExpectedEvent("Sudanese soldiers engaged Chadian rebels in a gun battle at a desert well.",
                      source: "SDN", target: "TCD", .assault, "firearms", .done),
        // The holder harmed the held.
        ExpectedEvent("A Peruvian trader died of torture in Bolivian army custody last month.",
                      source: "BOL", target: "PER", .assault, "torture", .done),
        // A demand named as a noun governs what it demands of whom.
        ExpectedEvent("The African Union repeated its demand that Sudan ease restrictions on aid convoys.",
                      source: "IGO", target: "SDN", .concede, "other", .demanded),
        // Help goes to someone; the party it is used against is not its recipient.
        ExpectedEvent("Poland provided assistance to Ukraine in its war against Russia.",
                      source: "POL", target: "UKR", .aid, "other", .done),
        // Forcing a body out of the country is an expulsion; an apposition's commas do not break the phrase.
        ExpectedEvent("Bamako forced the UN peacekeeping mission, MINUSMA, out of the country in 2023.",
                      source: "MLI", target: "UNO", .sanction, "expel", .done),
        // An officer the dictionaries do not know is placed by the country named nearest.
        ExpectedEvent("Admiral Pedro Salas resigned on Monday after a row over Chile's navy budget.",
                      source: "CHL", target: "CHL", .retreat, "resign", .done),
        // A measure tightened is the tightener's; "with Egypt's backing" is a noun in a phrase.
        ExpectedEvent("With Egypt's backing, Saudi warships will tighten the naval blockade of Yemen's ports.",
                      source: "SAU", target: "YEM", .coerce, "restrict", .threatened),
        // What an ultimatum demands is its content, no act of its own.
        ExpectedEvent("Turkey delivered an ultimatum to Syria to stop sheltering Kurdish fighters.",
                      source: "TUR", target: "SYR", .threaten, "other", .threatened),
        // A number after "About" opens the subject, not a phrase; a gerund after the act is its purpose.
        ExpectedEvent("About 40 taxi drivers blocked the airport road in Lisbon demanding higher fares.",
                      source: "PRT", target: "PRT", .protest, "obstruct", .done),
        // The act refused inside a protest's reason is the reason, not news.
        ExpectedEvent("Chilean students began a hunger strike in protest of their government's refusal to lower tuition fees.",
                      source: "CHL", target: "CHL", .protest, "hunger", .done),
        // Talks one comes for are one's own; the partner is the one joined in the subject.
        ExpectedEvent("Armenian and Azerbaijani envoys arrived in Washington on Monday for talks on a peace treaty.",
                      source: "ARM", target: "AZE", .consult, "other", .done),
        // Attending an event abroad is a visit.
        ExpectedEvent("The Norwegian prime minister will attend the inauguration in Minsk next week.",
                      source: "NOR", target: "BLR", .consult, "visit", .promised),
        // Inspecting is investigating.
        ExpectedEvent("UN monitors plan to inspect the chemical plants in Libya next month.",
                      source: "UNO", target: "LBY", .accuse, "investigate", .promised),
        // Asking for a thing another would do: the doer acts, the asker says so.
        ExpectedEvent("Germany is pushing for a UN Security Council decision to impose an arms embargo on Myanmar.",
                      source: "UNO", target: "MMR", .sanction, "discontinue", .demanded, saidBy: "DEU"),
        // Pressure to act is a demand.
        ExpectedEvent("Japanese diplomats keep pressuring North Korea to return the abducted citizens.",
                      source: "JPN", target: "PRK", .request, "other", .demanded),
    ]

    @Test(arguments: oneEvent)
    func extract_whenSentenceTellsOneAction_yieldsOneEvent(_ expected: ExpectedEvent) throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When the sentence is read
        let events = extractor.extract(text: expected.sentence, document: "test.txt")

        // Then it yields exactly the expected event
        #expect(events.count == 1, "events: \(events.map(\.family))")
        try expected.verify(with: extractor)
    }

    @Test func extract_whenJoinedSubjectsAgree_leadsWithFirstAndPartnersSecond() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When two joined subjects agree on something
        // Then the first leads and the second is the partner, in one event
        try ExpectedEvent("Estonia and Latvia agreed to a joint patrol.", source: "EST", target: "LVA", .agree, "other", .done)
            .verify(with: extractor)
        #expect(extractor.extract(text: "Estonia and Latvia agreed to a joint patrol.", document: "t").count == 1)
    }

    @Test func extract_whenThreePartiesMeet_yieldsOneEventPerOrderedPair() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When three joined parties meet
        let events = extractor.extract(text: "Norway, Sweden and Finland met in Oslo on Monday.", document: "t")

        // Then each of them has met each other one, once
        let pairs = events.filter { $0.type == .consult }.map { "\($0.source?.root ?? "-")-\($0.target?.root ?? "-")" }
        #expect(Set(pairs) == ["NOR-SWE", "NOR-FIN", "SWE-NOR", "SWE-FIN", "FIN-NOR", "FIN-SWE"])
        #expect(pairs.count == 6)
    }

    @Test func extract_whenNegatedPermission_keepsRefusal() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a permission is refused for an act of someone else
        // Then the refusal is the event, not the act
        try ExpectedEvent("Austria will not give permission to Hungary to send the migrants back.",
                          source: "AUT", target: "HUN", .agree, "other", .refused).verify(with: extractor)
    }

    @Test func extract_whenReportReleased_readsNoRelease() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a report is released and accuses a state
        let events = extractor.extract(text: "The findings, released in a report by Polish lawyers, accuse Belarus of abusing migrants.", document: "t")

        // Then no one is freed; the accusation stands
        #expect(!events.contains { $0.mode == "release" }, "events: \(events.map(\.family))")
        #expect(events.contains { $0.type == .accuse && $0.target?.root == "BLR" })
    }

    @Test func extract_whenNounAfterPrepositionalPhrase_isNotTheVerbsObject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When sanctions are named in a phrase after the object, with their agent after them
        let events = extractor.extract(
            text: "Venezuela vowed to raise its oil output in defiance of the sanctions imposed by Canada.", document: "t")

        // Then the sanctions are Canada's, not raised by Venezuela
        let sanctions = try #require(events.first { $0.type == .sanction })
        #expect(sanctions.source?.root == "CAN")
    }

    @Test func extract_whenVerbPhraseJoinedByButWithAuxiliary_sharesTheSentenceSubject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When "but was" opens a second verb phrase after a phrase naming other parties
        let events = extractor.extract(
            text: "Hungary let in the trains held up in Austria on Friday, but was still refusing passage to Serbian trucks.",
            document: "t")

        // Then the refusal is Hungary's, not the last party named
        let refusal = try #require(events.first { $0.type == .reject })
        #expect(refusal.source?.root == "HUN")
        #expect(refusal.target?.root == "SRB")
    }

    @Test func extract_whenVerbPhraseJoinedAfterPassive_sharesThePassiveSubject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a joined verb phrase follows a passive and a "during" phrase
        let events = extractor.extract(
            text: "Peru's defence minister has been criticised by Chile during the summit and will resign.", document: "t")

        // Then the resignation is the prime minister's, still a promise
        let resignation = try #require(events.first { $0.mode == "resign" })
        #expect(resignation.source?.root == "PER")
        #expect(resignation.status == .promised)
    }

    @Test func extract_whenVerbInClauseBeforeItHappens_readsNoEvent() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When an act is told in a "before" clause with an uninflected verb (what may come)
        let events = extractor.extract(text: "Estonia demanded a truce before the rebels demobilize.", document: "t")

        // Then only the demanded truce is an event
        #expect(events.map(\.family) == ["RETREAT/ceasefire"], "events: \(events.map(\.family))")
    }

    @Test func extract_whenParticipleFollowsItsNoun_readsVictimsNotAttackers() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When soldiers are said to be killed somewhere, with no "were" and no attacker
        let events = extractor.extract(text: "Officials listed 14 Ethiopian soldiers killed in Eritrea during the week.", document: "t")

        // Then the soldiers are not made the attackers: the sentence is a toll
        #expect(!events.contains { $0.type == .assault && $0.source?.root == "ETH" }, "events: \(events.map(\.family))")
        #expect(events.contains { $0.type == nil && $0.quantity?.value == 14 })
    }

    @Test func extract_whenSpeakerNamedWithPlace_demandIsTheSpeakers() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When the one who says "must" is named with the place it works in
        // Then the demand is the speaker's, not the place's
        try ExpectedEvent("Sweden's embassy in Belarus said Minsk must release the Swedish journalists.",
                          source: "SWE", target: "BLR", .retreat, "release", .demanded).verify(with: extractor)
    }

    @Test func extract_whenActOnOwnGround_targetsOwnCountry() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When police act on protesters with no country named
        // Then the protesters are of the country named nearest: a domestic act
        try ExpectedEvent("Hungarian police arrested dozens of protesters in Budapest.",
                          source: "HUN", target: "HUN", .coerce, "arrest", .done).verify(with: extractor)
    }

    @Test func extract_whenTitledNameUnknown_placesByNearestCountry() throws {
        // Given dictionaries that do not know the judge
        let extractor = try Shipped.extractor()

        // When a titled name acts on a country's officials
        // Then the person belongs to the country named nearest
        let events = extractor.extract(text: "Judge Karel Dvorak is investigating the Slovak customs chief over missing funds.", document: "t")
        let event = try #require(events.first { $0.type == .accuse })
        #expect(event.source?.code == "SVKJUD")
        #expect(event.source?.name == "Karel Dvorak")
    }

    /// A participle after a possessive describes the noun after it: no arrest in the release.
    @Test func extract_whenParticipleFollowsAPossessive_readsItAsAdjective() throws {
        let events = try Shipped.extractor().extract(text: "Chile freed Peru's detained fishermen on Tuesday.", document: "t")
        #expect(events.map(\.family) == ["RETREAT/release"], "\(events.map(\.family))")
    }

    @Test func extract_whenParticipleIsAttributive_readsNoAllegation() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When "alleged" qualifies a noun
        let events = extractor.extract(text: "Norway is investigating alleged hacking by Belarus.", document: "t")

        // Then the investigation is the event, not an allegation
        #expect(events.contains { $0.type == .accuse && $0.mode == "investigate" })
        #expect(!events.contains { $0.mode == "allege" })
    }

    @Test func extract_whenCapitalisedWordIsPartOfName_readsNoAction() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When an action noun is part of a title
        let events = extractor.extract(text: "The Baltic Relief Foundation urged Belarus to let the detained volunteers go.", document: "t")

        // Then no AID event comes from "Relief"
        #expect(!events.contains { $0.type == .aid }, "events: \(events.map(\.family))")
    }
}

/// An adverbial clause that tells a past act holds its own stance: a cue of the outer clause
/// does not reach it; "whether" leaves the act open.
struct AdverbialClauseStanceTests {
    @Test(arguments: [
        ("The visit was called off after Chile shelled the Bolivian port.", EventType.assault, EventStatus.done),
        ("The plan was dropped because Chile had expelled two Bolivian diplomats.", EventType.sanction, EventStatus.done),
        ("Chile declined to say whether it backed the Bolivian plan.", EventType.support, EventStatus.considered),
        ("Chile would not say whether its navy had shelled the Bolivian port.", EventType.assault, EventStatus.considered),
    ])
    func extract_whenActIsInAnAdverbialClause_readsItsOwnStance(_ c: (String, EventType, EventStatus)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        let event = try #require(events.first { $0.type == c.1 }, "\(events.map(\.family))")
        #expect(event.status == c.2)
    }
}

/// `ApprovedMeasure`: a measure approved is the measure taken, no agreement with its target.
struct ApprovedMeasureTests {
    @Test(arguments: [
        ("Chile's senate has approved a sweeping trade ban on Peru.", EventType.sanction),
        ("The Chilean cabinet approved new aid to Peru.", EventType.aid),
    ])
    func extract_whenAMeasureIsApproved_readsOnlyTheMeasure(_ c: (String, EventType)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        #expect(events.map(\.type) == [c.1])
    }

    /// Trap: a deal approved stays an agreement.
    @Test func extract_whenADealIsApproved_readsAnAgreement() throws {
        let events = try Shipped.extractor().extract(text: "Chile approved the deal with Peru.", document: "t.txt")
        #expect(events.contains { $0.type == .agree && $0.status == .done })
    }
}
