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
        ExpectedEvent("In a letter handed over to Sweden on Monday, Norway said it would expel two Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .threatened),
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
        ExpectedEvent("A Norwegian journalist has been put under investigation in Belarus for his possible role in the protests.",
                      source: "BLR", target: "NOR", .accuse, "investigate", .done),
        // Getting ready to fight is a mobilisation seen done.
        ExpectedEvent("The Belarusian army prepared to shell Lithuanian positions.",
                      source: "BLR", target: "LTU", .mobilize, "troops", .done),
        // Readiness stated is a stance: harm announced is a threat.
        ExpectedEvent("Belarus said it is prepared to shell Lithuanian positions.",
                      source: "BLR", target: "LTU", .assault, "heavy-weapons", .threatened),
        // Force with no agent named is coded to the country it happens in.
        ExpectedEvent("A journalist was killed in a car bomb explosion in Minsk.",
                      source: "BLR", target: "BLR", .assault, "explosives", .done),
        ExpectedEvent("Two Polish soldiers were killed by a roadside bomb near the Belarusian town of Grodno.",
                      source: "BLR", target: "POL", .assault, "explosives", .done),
        // What unattributed force did, told after a place phrase, is one act: its victims are the target.
        ExpectedEvent("A roadside bomb near the town of Gomel on Sunday killed two Polish soldiers and wounded three others.",
                      source: "BLR", target: "POL", .assault, "explosives", .done),
        // The one engaged in a fight is its target.
        ExpectedEvent("Belarusian rebels engaged Lithuanian peacekeepers in a firefight near the border on Saturday.",
                      source: "BLR", target: "LTU", .assault, "firearms", .done),
        // The holder harmed the held.
        ExpectedEvent("A Lithuanian activist died as a result of torture while in Belarusian police custody.",
                      source: "BLR", target: "LTU", .assault, "torture", .done),
        // A demand named as a noun governs what it demands of whom.
        ExpectedEvent("The ILO reiterated its demand today that Belarus ease restrictions on Lithuanian workers.",
                      source: "IGO", target: "BLR", .concede, "other", .demanded),
        // Help goes to someone; the party it is used against is not its recipient.
        ExpectedEvent("Norway sent assistance to the Lithuanian-led coalition against Belarus.",
                      source: "NOR", target: "LTU", .aid, "other", .done),
        // Forcing a body out of the country is an expulsion; an apposition's commas do not break the phrase.
        ExpectedEvent("Minsk forced the UN refugee agency, UNHCR, out of the country last year.",
                      source: "BLR", target: "UNO", .sanction, "expel", .done),
        // A general the dictionaries do not know is placed by the country named nearest.
        ExpectedEvent("Lt. Gen. Ivan Petrov resigned yesterday to allow Belarus's first free elections.",
                      source: "BLR", target: "BLR", .retreat, "resign", .done),
        // A measure tightened is the tightener's; "with Lithuania's help" is a noun in a phrase.
        ExpectedEvent("Norway confirmed on Wednesday it would tighten the naval blockade of Belarus with Lithuania's help.",
                      source: "NOR", target: "BLR", .coerce, "restrict", .threatened),
        // What an ultimatum demands is its content, no act of its own.
        ExpectedEvent("Lithuania has issued an ultimatum to Belarus to halt incursions across their border.",
                      source: "LTU", target: "BLR", .threaten, "other", .threatened),
        // A number after "About" opens the subject, not a phrase; a gerund after the act is its purpose.
        ExpectedEvent("About 300 farmers blocked roads in Warsaw demanding lower fuel prices.",
                      source: "POL", target: "POL", .protest, "obstruct", .done),
        // The act refused inside a protest's reason is the reason, not news.
        ExpectedEvent("Farmers in Poland began a hunger strike in protest of the Polish government's refusal to lift the import ban.",
                      source: "POL", target: "POL", .protest, "hunger", .done),
        // Talks one travels for are one's own; the partner is the one joined in the subject.
        ExpectedEvent("Norwegian and Belarusian negotiators return to Oslo this week for talks on the border.",
                      source: "NOR", target: "BLR", .consult, "other", .done),
        // Attending an event abroad is a visit.
        ExpectedEvent("The Norwegian prime minister will attend the inauguration in Minsk next week.",
                      source: "NOR", target: "BLR", .consult, "visit", .promised),
        // Inspecting is investigating.
        ExpectedEvent("UN inspectors want to re-examine the nuclear sites in Belarus.",
                      source: "UNO", target: "BLR", .accuse, "investigate", .promised),
        // Asking for a thing another would do: the doer acts, the asker says so.
        ExpectedEvent("Norway is pushing for a UN Security Council vote imposing sanctions on Belarus.",
                      source: "UNO", target: "BLR", .sanction, "discontinue", .demanded, saidBy: "NOR"),
        // Pressure to act is a demand.
        ExpectedEvent("Norwegian officials have been pressuring Belarus to free the detained fishermen.",
                      source: "NOR", target: "BLR", .request, "other", .demanded),
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
        try ExpectedEvent("Estonia and Latvia agreed to a ceasefire.", source: "EST", target: "LVA", .agree, "other", .done)
            .verify(with: extractor)
        #expect(extractor.extract(text: "Estonia and Latvia agreed to a ceasefire.", document: "t").count == 1)
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
        try ExpectedEvent("Norway said it would not give permission to Sweden to deport the refugees.",
                          source: "NOR", target: "SWE", .agree, "other", .refused).verify(with: extractor)
    }

    @Test func extract_whenReportReleased_readsNoRelease() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a report is released and accuses a state
        let events = extractor.extract(text: "A report released on Tuesday in Vilnius accused Belarus of torturing detainees.", document: "t")

        // Then no one is freed; the accusation stands
        #expect(!events.contains { $0.mode == "release" }, "events: \(events.map(\.family))")
        #expect(events.contains { $0.type == .accuse && $0.target?.root == "BLR" })
    }

    @Test func extract_whenNounAfterPrepositionalPhrase_isNotTheVerbsObject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When sanctions are named in a phrase after "expand", with their agent after them
        let events = extractor.extract(
            text: "Belarus has vowed to expand its nuclear programme in defiance of the sanctions imposed by Norway.", document: "t")

        // Then the sanctions are Norway's, not expanded by Belarus
        let sanctions = try #require(events.first { $0.type == .sanction })
        #expect(sanctions.source?.root == "NOR")
    }

    @Test func extract_whenVerbPhraseJoinedByButWithAuxiliary_sharesTheSentenceSubject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When "but was" opens a second verb phrase after a phrase naming other parties
        let events = extractor.extract(
            text: "Norway opened its borders today to refugees expelled from Belarus, but was still refusing entry to Russian nationals.",
            document: "t")

        // Then the refusal is Norway's, not the last party named
        let refusal = try #require(events.first { $0.type == .reject })
        #expect(refusal.source?.root == "NOR")
        #expect(refusal.target?.root == "RUS")
    }

    @Test func extract_whenVerbPhraseJoinedAfterPassive_sharesThePassiveSubject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a joined verb phrase follows a passive and a "during" phrase
        let events = extractor.extract(
            text: "Latvia's prime minister has been accused by Estonia of corruption during the talks and will resign.", document: "t")

        // Then the resignation is the prime minister's, still a promise
        let resignation = try #require(events.first { $0.mode == "resign" })
        #expect(resignation.source?.root == "LVA")
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
        let events = extractor.extract(text: "There were 12 Belarusian soldiers killed in Lithuania on Monday.", document: "t")

        // Then the soldiers are not made the attackers: the sentence is a toll
        #expect(!events.contains { $0.type == .assault && $0.source?.root == "BLR" }, "events: \(events.map(\.family))")
        #expect(events.contains { $0.type == nil && $0.quantity?.value == 12 })
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
        let events = extractor.extract(text: "Judge Karel Dvorak opened an investigation into three Slovak officials.", document: "t")
        let event = try #require(events.first { $0.type == .accuse })
        #expect(event.source?.code == "SVKJUD")
        #expect(event.source?.name == "Karel Dvorak")
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
        let events = extractor.extract(text: "The UN Emergency Relief Coordinator urged Belarus to free the prisoners.", document: "t")

        // Then no AID event comes from "Relief"
        #expect(!events.contains { $0.type == .aid }, "events: \(events.map(\.family))")
    }
}
