import Foundation
import StorywatchModel
@testable import StorywatchTrack
import Testing

/// Sides inside a country, policy storylines, tension-bound de-escalation, escalation on the
/// conflict scale and background (design §2–3). Each test builds its events by hand.
struct StorylineSidesAndPolicyTests {
    private let tracker = Tracker(windowDays: 730)

    static let ruritania = Actor(code: "RRT", name: "Ruritania")
    static let ruritanianArmy = Actor(code: "RRTMIL", name: "the Ruritanian army")
    static let hillRebels = Actor(code: "RRTREB", name: "the Hill Front")
    static let opposition = Actor(code: "RRTOPP", name: "the opposition")
    static let cabinet = Actor(code: "RRTGOV", name: "the cabinet")

    private func event(_ source: Actor?, _ target: Actor?, _ type: EventType?, mode: String = "other",
                       _ status: EventStatus, day: Int, object: String? = nil, isBackground: Bool = false,
                       isResponse: Bool = false, document: String = "ruritania.txt", quote: String) -> Event {
        Event(source: source, target: target, type: type, mode: mode, status: status, date: Given.march(day),
              document: document, quote: quote, isResponse: isResponse, object: object, isBackground: isBackground)
    }

    // MARK: sides inside a country

    @Test func side_whenNonStateGroupOfCountry_isItsOwnSide() {
        #expect(Self.ruritanianArmy.side == "RRT")
        #expect(Self.cabinet.side == "RRT")
        #expect(Self.hillRebels.side == "RRTREB")
        #expect(Self.opposition.side == "RRTOPP")
        #expect(Actor(code: "IGONAT", name: "NATO").side == "IGO")
    }

    @Test func key_whenGovernmentFightsRebelsOfItsCountry_isADyadOfTwoSides() {
        let raid = event(Self.ruritanianArmy, Self.hillRebels, .assault, mode: "aerial", .done, day: 2,
                         quote: "Army jets bombed Hill Front positions on Sunday.")
        #expect(StorylineKey.of(raid) == StorylineKey(id: "RRT-RRTREB", sides: ["RRT", "RRTREB"]))
        #expect(raid.foreignTarget == Self.hillRebels)
    }

    @Test func record_whenRebelsOfTheCountryAnswerWithForce_raisesEscalationThenRetaliation() {
        // Given a storyline between a government and its own rebels, where talks were held
        var state = StorylineState(id: "RRT-RRTREB", roots: ["RRT", "RRTREB"])
        _ = tracker.record(event(Self.cabinet, Self.hillRebels, .consult, .done, day: 1,
                                 quote: "Cabinet envoys met Hill Front leaders in a mountain town."), in: &state)

        // When the army bombs the rebels, and the rebels later shell an army base
        let raid = tracker.record(event(Self.ruritanianArmy, Self.hillRebels, .assault, mode: "aerial", .done, day: 3,
                                        quote: "Army jets bombed Hill Front positions on Monday."), in: &state)
        let answer = tracker.record(event(Self.hillRebels, Self.ruritanianArmy, .assault, mode: "heavy-weapons", .done, day: 5,
                                          quote: "Hill Front gunners shelled an army base on Wednesday."), in: &state)

        // Then the first use of force escalates, and the mirrored force answers it
        #expect(raid?.kind == .escalation)
        #expect(answer?.kind == .retaliation)
        #expect(answer?.previous?.quote == "Army jets bombed Hill Front positions on Monday.")
    }

    @Test func record_whenForceGoesOnInAWarFoughtBothWays_raisesNoRetaliationWithoutACue() {
        // Given a government and rebels who have both used force on each other
        var state = StorylineState(id: "RRT-RRTREB", roots: ["RRT", "RRTREB"])
        _ = tracker.record(event(Self.cabinet, Self.hillRebels, .consult, .done, day: 1,
                                 quote: "Cabinet envoys met Hill Front leaders in a mountain town."), in: &state)
        _ = tracker.record(event(Self.ruritanianArmy, Self.hillRebels, .assault, mode: "aerial", .done, day: 3,
                                 quote: "Army jets bombed Hill Front positions on Monday."), in: &state)
        _ = tracker.record(event(Self.hillRebels, Self.ruritanianArmy, .assault, mode: "heavy-weapons", .done, day: 5,
                                 quote: "Hill Front gunners shelled an army base on Wednesday."), in: &state)

        // When the army strikes again, once plainly and once framed as an answer
        let plain = tracker.record(event(Self.ruritanianArmy, Self.hillRebels, .assault, mode: "aerial", .done, day: 8,
                                         quote: "Army jets struck rebel depots in the valley on Saturday."), in: &state)
        let framed = tracker.record(event(Self.ruritanianArmy, Self.hillRebels, .assault, mode: "heavy-weapons", .done, day: 9,
                                          isResponse: true, quote: "The army shelled rebel villages in reprisal on Sunday."), in: &state)

        // Then only the blow the sentence calls an answer is a retaliation
        #expect(plain?.kind != .retaliation)
        #expect(framed?.kind == .retaliation)
    }

    @Test func record_whenForceIsToldAsGoingOn_raisesEscalationNotRetaliation() {
        // Given the army's raid on the rebels, and no blow of the rebels on record
        var state = StorylineState(id: "RRT-RRTREB", roots: ["RRT", "RRTREB"])
        _ = tracker.record(event(Self.ruritanianArmy, Self.hillRebels, .assault, mode: "aerial", .done, day: 3,
                                 quote: "Army jets bombed Hill Front positions on Monday."), in: &state)

        // When the rebels are said to be still shelling an army base
        var shelling = event(Self.hillRebels, Self.ruritanianArmy, .assault, mode: "heavy-weapons", .done, day: 5,
                             quote: "Hill Front gunners are still shelling the army's hilltop base.")
        shelling.isOngoing = true
        let development = tracker.record(shelling, in: &state)

        // Then it is their first force on record, not an answer to Monday's raid
        #expect(development?.kind == .escalation)
    }

    @Test func record_whenAPlanWithNoPartyIsCarriedOutAgainstOne_raisesFulfilled() {
        // Given a union's vote to strike, told with no party and so kept in its own storyline
        let union = Actor(code: "RRTLAB", name: "the rail union")
        let vote = event(union, nil, .protest, mode: "strike", .promised, day: 2,
                         quote: "Rail union members voted for a one-day stoppage next week.")
        // When its members walk out against the government in a new dyad storyline
        var state = StorylineState(id: "RRT-RRTLAB", roots: ["RRT", "RRTLAB"])
        let walkout = tracker.record(event(union, Self.ruritania, .protest, mode: "strike", .done, day: 9,
                                           quote: "Rail workers across Ruritania walked out on Tuesday."),
                                     in: &state, related: [ThreadEntry(event: vote, sequence: 0)])

        // Then the plan is fulfilled
        #expect(walkout?.kind == .fulfilled)
        #expect(walkout?.previous?.quote == vote.quote)
    }

    @Test func record_whenTheSameHarmIsDoneOnALargerScale_raisesEscalation() {
        // Given an army raid that killed a counted number of rebels
        var state = StorylineState(id: "RRT-RRTREB", roots: ["RRT", "RRTREB"])
        var first = event(Self.ruritanianArmy, Self.hillRebels, .assault, .done, day: 2,
                          quote: "Army units killed 30 Hill Front fighters near the pass.")
        first.quantity = Quantity(value: 30)
        _ = tracker.record(first, in: &state)

        // When a later raid kills more, and a third fewer
        var larger = event(Self.ruritanianArmy, Self.hillRebels, .assault, .done, day: 6,
                           quote: "Army units killed 400 Hill Front fighters in the valley.")
        larger.quantity = Quantity(value: 400)
        var smaller = event(Self.ruritanianArmy, Self.hillRebels, .assault, .done, day: 9,
                            quote: "Army units killed 12 Hill Front fighters at a ford.")
        smaller.quantity = Quantity(value: 12)
        let up = tracker.record(larger, in: &state)
        let down = tracker.record(smaller, in: &state)

        // Then only the larger harm escalates, against the smaller one before it
        #expect(up?.kind == .escalation)
        #expect(up?.previous?.quote == first.quote)
        #expect(down?.kind != .escalation)
    }

    // MARK: violation

    @Test func record_whenGroupOfCountryFiresDuringTruceMadeInCountrysName_raisesViolation() {
        // Given a truce between Norway and Ruritania, known from the countries' own storyline
        let truce = event(Given.norway, Self.ruritania, .retreat, mode: "ceasefire", .done, day: 1,
                          quote: "Norway and Ruritania began a truce at dawn.")
        var state = StorylineState(id: "NOR-RRTREB", roots: ["NOR", "RRTREB"])

        // When an armed group of Ruritania fires on Norway
        let shot = event(Self.hillRebels, Given.norway, .assault, mode: "heavy-weapons", .done, day: 2,
                         quote: "Hill Front rockets landed near a Norwegian border post.")
        let development = tracker.record(shot, in: &state, related: [ThreadEntry(event: truce, sequence: 0)])

        // Then the truce made in the country's name binds its groups
        #expect(development?.kind == .violation)
        #expect(development?.previous?.quote == truce.quote)
    }

    @Test func record_whenSeizureDuringTruce_raisesViolation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .retreat, "ceasefire", .done, on: Given.march(1),
                                       quote: "The two sides signed a truce on Monday."), in: &state)
        let seizure = Given.event(Given.belarusianArmy, Given.norway, .coerce, "seize", .done, on: Given.march(6),
                                  quote: "Belarusian troops took over a disputed island on Friday.")
        #expect(tracker.record(seizure, in: &state)?.kind == .violation)
    }

    // MARK: policy storylines

    @Test func key_whenSideActsOnItsOwnPolicy_isThePolicyStoryline() {
        let shelved = event(Self.cabinet, nil, nil, .cancelled, day: 4, object: "fuel tax plan",
                            quote: "The cabinet shelved its fuel tax plan.")
        #expect(StorylineKey.of(shelved) == StorylineKey(id: "RRT~fuel-tax-plan", sides: ["RRT"]))
    }

    @Test func record_whenSideDropsItsOwnPlan_raisesReversalEvenUnreported() {
        // Given no earlier report of the plan
        var state = StorylineState(id: "RRT~fuel-tax-plan", roots: ["RRT"])

        // When the cabinet drops it, then a second paper reports the same drop
        let dropped = tracker.record(event(Self.cabinet, nil, nil, .cancelled, day: 4, object: "fuel tax plan",
                                           quote: "The cabinet shelved its fuel tax plan."), in: &state)
        let again = tracker.record(event(Self.ruritania, nil, nil, .cancelled, day: 5, object: "fuel tax plan", document: "b.txt",
                                         quote: "Ruritania has given up on the fuel tax plan."), in: &state)

        // Then dropping implies the plan: a reversal once, then a re-report
        #expect(dropped?.kind == .reversal)
        #expect(dropped?.previous == nil)
        #expect(again == nil)
    }

    @Test func record_whenPolicyPressedOnThenSoftened_raisesReversal() {
        var state = StorylineState(id: "RRT~asylum-bill", roots: ["RRT"])
        _ = tracker.record(event(Self.cabinet, nil, nil, .promised, day: 1, object: "asylum bill",
                                 quote: "Ministers vowed to push the asylum bill through."), in: &state)
        let softened = tracker.record(event(Self.cabinet, nil, .concede, .done, day: 9, object: "asylum bill",
                                            quote: "Ministers accepted key changes to the asylum bill."), in: &state)
        #expect(softened?.kind == .reversal)
        #expect(softened?.previous?.quote == "Ministers vowed to push the asylum bill through.")
    }

    @Test func record_whenPolicyMentionedWithNoTurn_raisesNothing() {
        var state = StorylineState(id: "RRT~port-plan", roots: ["RRT"])
        _ = tracker.record(event(Self.cabinet, nil, nil, .proposed, day: 1, object: "port plan",
                                 quote: "The cabinet unveiled a port plan."), in: &state)
        let restated = tracker.record(event(Self.cabinet, nil, nil, .proposed, day: 3, object: "port plan",
                                            quote: "The port plan was presented to investors."), in: &state)
        #expect(restated == nil)
    }

    @Test func record_whenVowedRejectionIsCarriedOut_raisesFulfilled() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .reject, "other", .promised, on: Given.march(1),
                                       quote: "Norway said it would block the Belarusian motion."), in: &state)
        let veto = tracker.record(Given.event(Given.norway, Given.belarus, .reject, "other", .refused, on: Given.march(4),
                                              quote: "Norway vetoed the Belarusian motion on Tuesday."), in: &state)
        #expect(veto?.kind == .fulfilled)
    }

    // MARK: de-escalation and escalation

    @Test func record_whenTalksOfferedDuringTension_raisesDeEscalation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.belarus, Given.norway, .threaten, "other", .threatened, on: Given.march(1),
                                       quote: "Belarus warned Norway of grave consequences."), in: &state)
        let offer = tracker.record(Given.event(Given.oslo, Given.belarus, .consult, "other", .proposed, on: Given.march(3),
                                               quote: "Oslo offered talks to lower the temperature."), in: &state)
        #expect(offer?.kind == .deEscalation)
    }

    /// Parties said to be at odds (a quarrel, read as a refusal) are in a tense storyline: their deal eases it.
    @Test func record_whenPartiesAtOddsStrikeADeal_raisesDeEscalation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .reject, "other", .refused, on: Given.march(1),
                                       quote: "Norway and Belarus are at odds over fishing rights in the lake."), in: &state)
        let deal = tracker.record(Given.event(Given.oslo, Given.minsk, .agree, "other", .done, on: Given.march(9),
                                              quote: "Oslo and Minsk signed a deal on the lake's fishing rights."), in: &state)
        #expect(deal?.kind == .deEscalation)
        #expect(deal?.previous?.quote == "Norway and Belarus are at odds over fishing rights in the lake.")
    }

    @Test func record_whenTalksAgreedWhileAStrikeIsThreatened_raisesDeEscalation() {
        let unions = Actor(code: "NORLAB", name: "Norwegian unions")
        var state = StorylineState(id: StorylineKey.id(sides: ["NOR", "NORLAB"]), roots: ["NOR", "NORLAB"])
        _ = tracker.record(Given.event(unions, Given.norway, .protest, "strike", .promised, on: Given.march(1),
                                       quote: "Norwegian unions will ballot members on a national strike."), in: &state)
        let talks = tracker.record(Given.event(unions, Given.oslo, .consult, "other", .promised, on: Given.march(6),
                                               quote: "Union leaders will meet the labour minister on Saturday."), in: &state)
        #expect(talks?.kind == .deEscalation)
    }

    /// A plan only referred to (background) eases nothing: the talks held later still ease the row.
    @Test func record_whenTalksWereOnlyReferredToBefore_heldTalksRaiseDeEscalation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.belarus, Given.norway, .threaten, "other", .threatened, on: Given.march(1),
                                       quote: "Belarus warned Norway of grave consequences."), in: &state)
        var plan = Given.event(Given.oslo, Given.minsk, .consult, "other", .promised, on: Given.march(3),
                               quote: "The row clouded the minister's planned visit to Minsk.")
        plan.isBackground = true
        #expect(tracker.record(plan, in: &state) == nil)
        let held = tracker.record(Given.event(Given.oslo, Given.minsk, .consult, "other", .done, on: Given.march(9),
                                              quote: "The Norwegian minister met his Belarusian counterpart in Minsk."), in: &state)
        #expect(held?.kind == .deEscalation)
    }

    @Test func record_whenUnionsMeetMinistersWithNoStrikeInView_raisesNothing() {
        let unions = Actor(code: "NORLAB", name: "Norwegian unions")
        var state = StorylineState(id: StorylineKey.id(sides: ["NOR", "NORLAB"]), roots: ["NOR", "NORLAB"])
        _ = tracker.record(Given.event(unions, Given.oslo, .consult, "other", .done, on: Given.march(1),
                                       quote: "Union leaders met the labour minister for the annual wage round."), in: &state)
        let talks = tracker.record(Given.event(unions, Given.oslo, .consult, "other", .promised, on: Given.march(6),
                                               quote: "They will meet again in April."), in: &state)
        #expect(talks == nil)
    }

    @Test func record_whenRoutineMeetingWithoutTension_raisesNothing() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .cooperate, "other", .done, on: Given.march(1),
                                       quote: "Norway and Belarus signed a fisheries accord."), in: &state)
        let meeting = tracker.record(Given.event(Given.oslo, Given.minsk, .consult, "other", .done, on: Given.march(8),
                                                 quote: "Trade officials of the two countries met in Riga."), in: &state)
        #expect(meeting == nil)
    }

    @Test func record_whenThreatFollowsAccusations_raisesEscalation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.minsk, Given.norway, .accuse, "disapprove", .done, on: Given.march(1),
                                       quote: "Minsk criticised Oslo's human rights report."), in: &state)
        let threat = tracker.record(Given.event(Given.minsk, Given.norway, .sanction, "discontinue", .threatened, on: Given.march(2),
                                                quote: "Minsk said trade would suffer if the report was tabled."), in: &state)
        #expect(threat?.kind == .escalation)
    }

    @Test func record_whenSameDaysMeasureRetoldHarsher_raisesNoEscalation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.oslo, Given.belarus, .sanction, "discontinue", .done, on: Given.march(3),
                                       quote: "Oslo imposed sanctions on Belarus on Monday."), in: &state)
        let retold = tracker.record(Given.event(Given.oslo, Given.belarus, .coerce, "restrict", .done, on: Given.march(4),
                                                document: "later.txt",
                                                quote: "The measures adopted by Oslo restrict Belarusian shipping."), in: &state)
        #expect(retold == nil)
    }

    // MARK: background and re-reports

    @Test func record_whenSentenceIsBackground_recordsHistoryAndRaisesNothing() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .accuse, "disapprove", .done, on: Given.march(1),
                                       quote: "Norway criticised Belarus."), in: &state)
        var old = Given.event(Given.belarusianArmy, Given.norway, .assault, "heavy-weapons", .done, on: Given.march(2),
                              quote: "The row began when Belarusian guns hit a ferry years ago.")
        old.isBackground = true
        #expect(tracker.record(old, in: &state) == nil)
        #expect(state.entries.count == 2)
    }

    /// A restatement that calls an act an answer is judged again, unless the act was raised as
    /// an answer already (then it is a re-report).
    @Test(arguments: [(answeredBefore: false, raises: true), (answeredBefore: true, raises: false)])
    func record_whenRestatementAddsAnAnswerCue_isJudgedAgainUnlessKnownAsOne(_ answeredBefore: Bool, _ raises: Bool) {
        var state = Given.dyad()
        if answeredBefore {
            _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .done, on: Given.march(1),
                                           quote: "Norway expelled two Belarusian diplomats."), in: &state)
        }
        _ = tracker.record(Given.event(Given.belarus, Given.norway, .sanction, "expel", .done, on: Given.march(2),
                                       quote: "Belarus expelled two Norwegian diplomats."), in: &state)
        let framed = tracker.record(Given.event(Given.belarus, Given.norway, .sanction, "expel", .done, on: Given.march(2),
                                                isResponse: true, document: "other.txt",
                                                quote: "Belarus expelled the pair in answer to Oslo's move."), in: &state)
        #expect((framed?.kind == .retaliation) == raises)
    }

    @Test func record_whenForceReReportedNextDayInAnotherDocument_raisesNothing() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.belarusianArmy, Given.norway, .assault, "aerial", .done, on: Given.march(4),
                                       quote: "Belarusian jets struck a Norwegian depot."), in: &state)
        let retold = tracker.record(Given.event(Given.belarusianArmy, Given.norway, .assault, "aerial", .done, on: Given.march(5),
                                                document: "evening-paper.txt",
                                                quote: "A depot was hit by Belarusian aircraft, officials said."), in: &state)
        #expect(retold == nil)
    }

    // MARK: upgrades

    @Test func decode_whenStateWrittenBeforeObjects_readsEventsWithoutObject() throws {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .done, on: Given.march(1),
                                       quote: "Norway expelled two Belarusian diplomats."), in: &state)
        // The version-1 layout is version 3 without each event's last three fields.
        var bytes = [UInt8](state.encoded())
        #expect(bytes.starts(with: Array("SWS3".utf8)))
        bytes.replaceSubrange(0..<4, with: Array("SWS1".utf8))
        bytes.removeLast(3) // optional object (absent: one byte), background and going-on flags
        let decoded = try #require(StorylineState.decode(Data(bytes)))
        #expect(decoded.entries.first?.event.quote == "Norway expelled two Belarusian diplomats.")
        #expect(decoded.entries.first?.event.object == nil)
        #expect(decoded.entries.first?.event.isBackground == false)
    }

    @Test func decode_whenStateWrittenBeforeGoingOnFlag_readsEventsAsNotGoingOn() throws {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .done, on: Given.march(1),
                                       quote: "Norway expelled two Belarusian diplomats."), in: &state)
        // The version-2 layout is version 3 without each event's going-on flag.
        var bytes = [UInt8](state.encoded())
        bytes.replaceSubrange(0..<4, with: Array("SWS2".utf8))
        bytes.removeLast(1)
        let decoded = try #require(StorylineState.decode(Data(bytes)))
        #expect(decoded.entries.first?.event.quote == "Norway expelled two Belarusian diplomats.")
        #expect(decoded.entries.first?.event.isOngoing == false)
    }

    @Test func encoded_whenEventGoesOn_keepsTheFlag() throws {
        var state = Given.dyad()
        var shelling = Given.event(Given.belarusianArmy, Given.norway, .assault, "artillery", .done, on: Given.march(3),
                                   quote: "Belarusian guns kept shelling a Norwegian post.")
        shelling.isOngoing = true
        _ = tracker.record(shelling, in: &state)
        let decoded = try #require(StorylineState.decode(state.encoded()))
        #expect(decoded.entries.first?.event.isOngoing == true)
    }
}
