import StorywatchModel
@testable import StorywatchTrack
import Testing

struct TrackerTests {
    private let tracker = Tracker(windowDays: 730)

    // MARK: new

    @Test func record_whenFirstEventOfStoryline_raisesNewWithoutPrevious() {
        // Given a fresh Belarus – Norway storyline
        var state = Given.dyad()
        let proposal = Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(3),
                                   quote: "Norway's foreign minister proposed expelling five Belarusian diplomats.")

        // When its first event is recorded
        let development = tracker.record(proposal, in: &state)

        // Then it raises `new`, changes nothing earlier and names the storyline by its dyad
        #expect(development?.kind == .new)
        #expect(development?.previous == nil)
        #expect(development?.storyline.id == "BLR-NOR")
        #expect(development?.storyline.actors == ["BLR", "NOR"])
        #expect(state.entries.count == 1)
        #expect(state.lastDate == Given.march(3))
    }

    // MARK: violation

    @Test func record_whenAssaultWhileCeasefireInForce_raisesViolation() {
        // Given a ceasefire agreed between Norway and Belarus
        var state = Given.dyad()
        let truce = Given.event(Given.norway, Given.belarus, .retreat, "ceasefire", .done, on: Given.march(1),
                                quote: "Norway and Belarus agreed a ceasefire along the border on Saturday.")
        _ = tracker.record(truce, in: &state)
        let shelling = Given.event(Given.belarusianArmy, Given.norway, .assault, "heavy-weapons", .done, on: Given.march(4),
                                   quote: "Belarusian artillery shelled a Norwegian observation post on Tuesday.")

        // When one party shells the other while the truce holds
        let development = tracker.record(shelling, in: &state)

        // Then it is a violation of that truce
        #expect(development?.kind == .violation)
        #expect(development?.previous == truce)
    }

    @Test func record_whenAssaultWhileTruceRecordedOnlyInRelated_raisesViolation() {
        // Given a truce known only from the one-party storylines of Belarus and of Norway
        var state = Given.dyad()
        let belarusTruce = Given.event(Given.belarus, nil, .retreat, "ceasefire", .done, on: Given.march(2),
                                       quote: "Belarus said the truce went into effect at midnight.")
        let norwayTruce = Given.event(Given.norway, nil, .retreat, "ceasefire", .done, on: Given.march(2),
                                      quote: "Norway said its forces were observing the truce.")
        let related = [ThreadEntry(event: belarusTruce, sequence: 0), ThreadEntry(event: norwayTruce, sequence: 0)]
        let raid = Given.event(Given.norway, Given.belarus, .assault, "aerial", .done, on: Given.march(5),
                               quote: "Norwegian jets struck a Belarusian supply depot on Wednesday.")

        // When Norway attacks Belarus in the dyad's storyline, whose own history is empty
        let development = tracker.record(raid, in: &state, related: related)

        // Then the truce binds both parties and the attack is a violation
        #expect(development?.kind == .violation)
        #expect(development.map { [belarusTruce, norwayTruce].contains($0.previous) } == true)
    }

    @Test func record_whenAssaultWhileTruceReportedByOneSideOnly_raisesNoViolation() {
        // Given a truce reported with only Belarus named, kept in Belarus's one-party storyline:
        // nothing says Norway is party to it
        var state = Given.dyad()
        let truce = Given.event(Given.belarus, nil, .retreat, "ceasefire", .done, on: Given.march(2),
                                quote: "Belarus said the truce went into effect at midnight.")
        let related = [ThreadEntry(event: truce, sequence: 0)]
        let raid = Given.event(Given.norway, Given.belarus, .assault, "aerial", .done, on: Given.march(5),
                               quote: "Norwegian jets struck a Belarusian supply depot on Wednesday.")

        // When Norway attacks Belarus in the dyad's storyline
        let development = tracker.record(raid, in: &state, related: related)

        // Then it is not read as a violation of someone else's truce
        #expect(development?.kind != .violation)
    }

    @Test func record_whenTruceWasCancelledBeforeAssault_raisesNoViolation() {
        // Given a ceasefire that Belarus has since called off
        var state = Given.dyad()
        _ = tracker.recordAll([
            Given.event(Given.norway, Given.belarus, .retreat, "ceasefire", .done, on: Given.march(1),
                        quote: "Norway and Belarus agreed a ceasefire along the border on Saturday."),
            Given.event(Given.belarus, Given.norway, .retreat, "ceasefire", .cancelled, on: Given.march(6),
                        quote: "Belarus called off the ceasefire on Thursday, accusing Oslo of bad faith."),
        ], in: &state)
        let shelling = Given.event(Given.belarusianArmy, Given.norway, .assault, "heavy-weapons", .done, on: Given.march(8),
                                   quote: "Belarusian artillery shelled Norwegian positions on Saturday.")

        // When Belarus shells Norwegian positions
        let development = tracker.record(shelling, in: &state)

        // Then no truce is in force, so it is not a violation
        #expect(development != nil)
        #expect(development?.kind != .violation)
    }

    // MARK: retaliation

    @Test func record_whenSentenceFramesActionAsAnswer_raisesRetaliation() {
        // Given Norway has expelled Belarusian diplomats
        var state = Given.dyad()
        let expulsion = Given.event(Given.norway, Given.belarus, .sanction, "expel", .done, on: Given.march(1),
                                    quantity: Quantity(value: 5),
                                    quote: "Norway expelled five Belarusian diplomats on Saturday.")
        _ = tracker.record(expulsion, in: &state)
        let answer = Given.event(Given.belarus, Given.norway, .sanction, "discontinue", .done, on: Given.march(3),
                                 isResponse: true,
                                 quote: "Belarus banned Norwegian fish imports in retaliation for the expulsions.")

        // When Belarus answers with a measure of another family, framed as a retaliation
        let development = tracker.record(answer, in: &state)

        // Then it is a retaliation answering the expulsion
        #expect(development?.kind == .retaliation)
        #expect(development?.previous == expulsion)
    }

    @Test func record_whenFirstEventIsFramedAsAnswer_raisesRetaliationRatherThanNew() {
        // Given a fresh storyline
        var state = Given.dyad()
        let answer = Given.event(Given.belarus, Given.norway, .sanction, "expel", .done, on: Given.march(2),
                                 isResponse: true,
                                 quote: "Belarus expelled two Norwegian diplomats in a tit-for-tat move.")

        // When its first event is framed as an answer
        let development = tracker.record(answer, in: &state)

        // Then the cue alone makes it a retaliation, with nothing known to answer
        #expect(development?.kind == .retaliation)
        #expect(development?.previous == nil)
    }

    /// B does to A what A did to B: the same family, or custody in other words (a detention
    /// answers a seizure).
    static let mirrored: [(first: Event, answer: Event)] = [
        (Given.event(Given.norway, Given.belarus, .sanction, "expel", .done, on: Given.march(1),
                     quote: "Norway expelled five Belarusian diplomats on Saturday."),
         Given.event(Given.minsk, Given.norway, .sanction, "expel", .done, on: Given.march(4),
                     quote: "Minsk ordered five Norwegian diplomats out of the country on Tuesday.")),
        (Given.event(Given.norway, Given.belarus, .coerce, "seize", .done, on: Given.march(1),
                     quote: "The Norwegian coast guard seized a Belarusian trawler."),
         Given.event(Given.belarus, Given.norway, .coerce, "arrest", .done, on: Given.march(3),
                     quote: "Belarusian police detained the crew of a Norwegian barge.")),
        // A measure of the same type in other words: lorries barred answer boats seized.
        (Given.event(Given.norway, Given.belarus, .coerce, "seize", .done, on: Given.march(1),
                     quote: "The Norwegian coast guard seized two Belarusian trawlers."),
         Given.event(Given.belarus, Given.norway, .coerce, "restrict", .done, on: Given.march(5),
                     quote: "Belarus barred Norwegian lorries from the Grodno crossing.")),
    ]

    /// Trap: a measure of another type is no answer in kind (it may be harsher: an escalation).
    @Test func record_whenOtherTypeWithoutCue_raisesNoRetaliation() {
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "discontinue", .done, on: Given.march(1),
                                       quote: "Norway raised tariffs on Belarusian potash."), in: &state)
        let development = tracker.record(Given.event(Given.belarus, Given.norway, .coerce, "restrict", .done, on: Given.march(5),
                                                     quote: "Belarus barred Norwegian lorries from the Grodno crossing."), in: &state)
        #expect(development?.kind != .retaliation)
    }

    @Test(arguments: mirrored)
    func record_whenMirroredActionWithoutCue_raisesRetaliation(_ first: Event, _ answer: Event) {
        // Given Norway has acted against Belarus
        var state = Given.dyad()
        _ = tracker.record(first, in: &state)

        // When Belarus does the like to Norway, with no cue in the sentence
        let development = tracker.record(answer, in: &state)

        // Then it is a retaliation answering Norway's act
        #expect(development?.kind == .retaliation)
        #expect(development?.previous == first)
    }

    // MARK: reversal

    @Test func record_whenRefusedAfterProposed_raisesReversal() {
        // Given Norway proposed expelling Belarusian diplomats
        var state = Given.dyad()
        let proposal = Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                   quote: "Norway proposed expelling five Belarusian diplomats.")
        _ = tracker.record(proposal, in: &state)
        let refusal = Given.event(Given.oslo, Given.belarus, .sanction, "expel", .refused, on: Given.march(5),
                                  quote: "Oslo will not expel anybody, the prime minister said on Wednesday.")

        // When Norway now refuses to expel anyone
        let development = tracker.record(refusal, in: &state)

        // Then it is a reversal of its proposal
        #expect(development?.kind == .reversal)
        #expect(development?.previous == proposal)
    }

    @Test func record_whenCancelledAfterThreatened_raisesReversal() {
        // Given Belarus threatened sanctions against Norway
        var state = Given.dyad()
        let threat = Given.event(Given.belarus, Given.norway, .sanction, "discontinue", .threatened, on: Given.march(1),
                                 quote: "Belarus threatened to ban Norwegian salmon imports.")
        _ = tracker.record(threat, in: &state)
        let cancellation = Given.event(Given.belarus, Given.norway, .sanction, "discontinue", .cancelled, on: Given.march(9),
                                       quote: "Belarus has shelved plans to ban Norwegian salmon, its trade ministry said.")

        // When Belarus shelves the measure
        let development = tracker.record(cancellation, in: &state)

        // Then it is a reversal of the threat
        #expect(development?.kind == .reversal)
        #expect(development?.previous == threat)
    }

    @Test func record_whenAdmittedAfterDenied_raisesReversalOnSpeakersSide() {
        // Given Minsk denied that its army hacked Norwegian ministries
        var state = Given.dyad()
        let denial = Given.event(Given.belarusianArmy, Given.norway, .coerce, "cyber", .denied, on: Given.march(1),
                                 saidBy: Given.minsk,
                                 quote: "Minsk denied that Belarusian military hackers broke into Norwegian ministries.")
        _ = tracker.record(denial, in: &state)
        let admission = Given.event(Given.belarusianArmy, Given.norway, .coerce, "cyber", .admitted, on: Given.march(20),
                                    saidBy: Given.minsk,
                                    quote: "Minsk acknowledged for the first time that army hackers had entered Norwegian networks.")

        // When the same speaker now admits it
        let development = tracker.record(admission, in: &state)

        // Then it is a reversal by the speaker's side
        #expect(admission.side == "BLR")
        #expect(development?.kind == .reversal)
        #expect(development?.previous == denial)
    }

    @Test func record_whenCancelledAfterDone_raisesReversal() {
        // Given Norway imposed sanctions on Belarus
        var state = Given.dyad()
        let sanctions = Given.event(Given.norway, Given.belarus, .sanction, "discontinue", .done, on: Given.march(1),
                                    quote: "Norway imposed sanctions on Belarusian potash exporters.")
        _ = tracker.record(sanctions, in: &state)
        let lifting = Given.event(Given.norway, Given.belarus, .sanction, "discontinue", .cancelled, on: Given.march(30),
                                  quote: "Norway lifted its sanctions on Belarusian potash exporters on Sunday.")

        // When Norway lifts them
        let development = tracker.record(lifting, in: &state)

        // Then it is a reversal of the measure
        #expect(development?.kind == .reversal)
        #expect(development?.previous == sanctions)
    }

    @Test func record_whenDifferentSideRefuses_raisesNoReversal() {
        // Given Norway proposed expelling Belarusian diplomats
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                       quote: "Norway proposed expelling five Belarusian diplomats."), in: &state)
        let otherRefusal = Given.event(Given.belarus, Given.norway, .sanction, "expel", .refused, on: Given.march(2),
                                       quote: "Belarus said it would not expel any Norwegian diplomats in return.")

        // When Belarus, the other side, refuses an expulsion of its own
        let development = tracker.record(otherRefusal, in: &state)

        // Then nobody moved against their own stance
        #expect(development?.kind != .reversal)
    }

    // MARK: fulfilled

    /// A threat, then the same side's act carrying it out: later than the threat, or before the
    /// day a threat dated by when it would take effect named (the storyline has not reached it).
    static let carriedOut: [(threat: Event, act: Event)] = [
        (Given.event(Given.belarus, Given.norway, .sanction, "expel", .threatened, on: Given.march(1),
                     quote: "Belarus threatened to expel Norwegian diplomats if Oslo did not apologise."),
         Given.event(Given.minsk, Given.norway, .sanction, "expel", .done, on: Given.march(7), quantity: Quantity(value: 3),
                     quote: "Minsk expelled three Norwegian diplomats on Friday.")),
        (Given.event(Given.belarus, Given.norway, .sanction, "discontinue", .threatened, on: Given.march(20),
                     quote: "Belarus warned it would halt Norwegian salmon imports from March 20."),
         Given.event(Given.belarus, Given.norway, .sanction, "discontinue", .done, on: Given.march(17),
                     quote: "Belarus halted imports of Norwegian salmon on Tuesday.")),
    ]

    @Test(arguments: carriedOut)
    func record_whenDoneAfterThreatenedBySameSide_raisesFulfilled(_ threat: Event, _ act: Event) {
        // Given Belarus threatened a measure against Norway
        var state = Given.dyad()
        _ = tracker.record(threat, in: &state)

        // When Belarus carries it out
        let development = tracker.record(act, in: &state)

        // Then the threat is fulfilled
        #expect(development?.kind == .fulfilled)
        #expect(development?.previous == threat)
    }

    @Test func record_whenTalksResumeAfterSuspension_raisesDeEscalation() {
        // Given Norway suspended its talks with Belarus
        var state = Given.dyad()
        let suspension = Given.event(Given.norway, Given.belarus, .consult, "other", .cancelled, on: Given.march(1),
                                     quote: "Norway suspended its border talks with Belarus.")
        _ = tracker.record(suspension, in: &state)

        // When the two agree to meet again
        let development = tracker.record(Given.event(Given.oslo, Given.minsk, .consult, "other", .promised, on: Given.march(20),
                                                     quote: "Oslo will meet Belarusian envoys next week."), in: &state)

        // Then the talks are a de-escalation after the break
        #expect(development?.kind == .deEscalation)
        #expect(development?.previous == suspension)
    }

    @Test func record_whenPlannedMeetingIsHeld_raisesNothing() {
        // Given Belarus promised to meet Norway
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.belarus, Given.norway, .consult, "other", .promised, on: Given.march(1),
                                       quote: "Belarus will meet Norwegian envoys next week."), in: &state)

        // When the meeting is held
        let development = tracker.record(Given.event(Given.minsk, Given.norway, .consult, "other", .done, on: Given.march(8),
                                                     quote: "Belarusian and Norwegian envoys met in Vilnius."), in: &state)

        // Then it is the expected course, not a turn
        #expect(development == nil)
    }

    @Test func record_whenTargetIsOwnCountry_readsDomesticAct() {
        // Given Belarus threatened to arrest its own opposition (a domestic storyline)
        var state = StorylineState(id: StorylineKey.id(sides: ["BLR"]), roots: ["BLR"])
        let threat = Given.event(Given.belarus, Given.belarus, .coerce, "arrest", .threatened, on: Given.march(1),
                                 quote: "Belarus threatened to arrest opposition leaders.")
        _ = tracker.record(threat, in: &state)

        // When it carries the threat out, again naming itself as target
        let development = tracker.record(Given.event(Given.minsk, Given.belarus, .coerce, "arrest", .done, on: Given.march(3),
                                                     quote: "Minsk arrested opposition leaders."), in: &state)

        // Then the act is read as one party's: fulfilled needs a party acted on, so nothing is
        // raised, and the recorded history names no target
        #expect(development == nil)
        #expect(state.entries.allSatisfy { $0.event.target == nil })
        #expect(threat.foreignTarget == nil)
        #expect(Given.event(Given.belarus, Given.norway, .coerce, "arrest", .done, on: nil, quote: "q").foreignTarget == Given.norway)
    }

    // MARK: escalation

    @Test func record_whenPartyNewlyUsesForce_raisesEscalation() {
        // Given a diplomatic row with no force used so far
        var state = Given.dyad()
        let expulsion = Given.event(Given.norway, Given.belarus, .sanction, "expel", .done, on: Given.march(1),
                                    quote: "Norway expelled five Belarusian diplomats on Saturday.")
        _ = tracker.record(expulsion, in: &state)
        let strike = Given.event(Given.belarusianArmy, Given.norway, .assault, "drone", .done, on: Given.march(12),
                                 quote: "A Belarusian drone struck a Norwegian patrol boat on the lake on Wednesday.")

        // When Belarus uses force for the first time
        let development = tracker.record(strike, in: &state)

        // Then the storyline escalates
        #expect(development?.kind == .escalation)
        #expect(development?.previous == expulsion)
    }

    // MARK: de-escalation

    @Test func record_whenTruceAgreedAfterFighting_raisesDeEscalation() {
        // Given Belarusian shelling of Norwegian positions
        var state = Given.dyad()
        let shelling = Given.event(Given.belarusianArmy, Given.norway, .assault, "heavy-weapons", .done, on: Given.march(1),
                                   quote: "Belarusian artillery shelled Norwegian positions overnight.")
        _ = tracker.record(shelling, in: &state)
        let truce = Given.event(Given.norway, Given.belarus, .retreat, "ceasefire", .done, on: Given.march(4),
                                quote: "Norway and Belarus agreed a ceasefire on Tuesday after three days of fighting.")

        // When the parties agree a truce
        let development = tracker.record(truce, in: &state)

        // Then the storyline de-escalates, after the fighting
        #expect(development?.kind == .deEscalation)
        #expect(development?.previous == shelling)
    }

    // MARK: update

    @Test func record_whenTollRevisedDown_raisesUpdate() {
        // Given a domestic storyline reporting 14 dead in a ferry accident
        var state = StorylineState(id: "NOR", roots: ["NOR"])
        let norwegianCoast = Actor(code: "NOR", name: "Norway")
        let first = Given.event(nil, norwegianCoast, nil, "other", .done, on: Given.march(1),
                                quantity: Quantity(value: 14, unit: "dead"),
                                quote: "Fourteen passengers were confirmed dead after a ferry capsized off the Norwegian coast.")
        _ = tracker.record(first, in: &state)
        let revised = Given.event(nil, norwegianCoast, nil, "other", .done, on: Given.march(2),
                                  quantity: Quantity(value: 11, unit: "dead"),
                                  quote: "Police revised the death toll from the ferry disaster down to 11.")

        // When the toll is revised down
        let development = tracker.record(revised, in: &state)

        // Then it is an update of the storyline's figure
        #expect(development?.kind == .update)
        #expect(development?.previous == first)
    }

    @Test func record_whenTollRises_raisesUpdateOrEscalation() {
        // Given a domestic storyline reporting 14 dead in a ferry accident
        var state = StorylineState(id: "NOR", roots: ["NOR"])
        let norwegianCoast = Actor(code: "NOR", name: "Norway")
        _ = tracker.record(Given.event(nil, norwegianCoast, nil, "other", .done, on: Given.march(1),
                                       quantity: Quantity(value: 14, unit: "dead"),
                                       quote: "Fourteen passengers were confirmed dead after a ferry capsized off the Norwegian coast."),
                           in: &state)
        let risen = Given.event(nil, norwegianCoast, nil, "other", .done, on: Given.march(3),
                                quantity: Quantity(value: 19, unit: "dead"),
                                quote: "The death toll from the ferry disaster rose to 19 on Monday.")

        // When the toll rises
        let development = tracker.record(risen, in: &state)

        // Then it is reported, as an update or an escalation (design §3 accepts both)
        #expect(development.map { [.update, .escalation].contains($0.kind) } == true)
    }

    // MARK: precedence and previous

    @Test func record_whenEventFitsViolationAndRetaliation_raisesViolation() {
        // Given a truce in force after a Norwegian raid
        var state = Given.dyad()
        let truce = Given.event(Given.norway, Given.belarus, .retreat, "ceasefire", .done, on: Given.march(1),
                                quote: "Norway and Belarus agreed a ceasefire on Saturday.")
        _ = tracker.record(truce, in: &state)
        let answer = Given.event(Given.belarusianArmy, Given.norway, .assault, "heavy-weapons", .done, on: Given.march(3),
                                 isResponse: true,
                                 quote: "Belarusian artillery shelled Norwegian positions in retaliation for what Minsk called provocations.")

        // When an attack framed as a retaliation breaks the truce
        let development = tracker.record(answer, in: &state)

        // Then the first row of the table wins: violation
        #expect(development?.kind == .violation)
        #expect(development?.previous == truce)
    }

    @Test func record_whenOtherThreadsCameLater_namesPreviousOfSameThread() {
        // Given Norway's proposal, then statements in other threads of the storyline
        var state = Given.dyad()
        let proposal = Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                   quote: "Norway proposed expelling five Belarusian diplomats.")
        _ = tracker.recordAll([
            proposal,
            Given.event(Given.norway, Given.belarus, .accuse, "allege", .done, on: Given.march(2),
                        quote: "Norway accused Belarus of spying on its Arctic research stations."),
            Given.event(Given.norway, Given.belarus, .consult, "other", .done, on: Given.march(3),
                        quote: "Norwegian and Belarusian envoys met in Vienna on Monday."),
        ], in: &state)
        let refusal = Given.event(Given.norway, Given.belarus, .sanction, "expel", .refused, on: Given.march(4),
                                  quote: "Norway decided against expelling the diplomats.")

        // When Norway turns on its proposal
        let development = tracker.record(refusal, in: &state)

        // Then `previous` is the proposal, not the latest event of the storyline
        #expect(development?.kind == .reversal)
        #expect(development?.previous?.quote == proposal.quote)
    }

    // MARK: negatives

    @Test func record_whenRestatementOfSameStance_raisesNothing() {
        // Given Norway proposed expelling Belarusian diplomats
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                       quote: "Norway proposed expelling five Belarusian diplomats."), in: &state)
        let again = Given.event(Given.oslo, Given.belarus, .sanction, "expel", .proposed, on: Given.march(2),
                                document: "other-paper.txt",
                                quote: "Oslo has suggested that Belarusian diplomats be sent home.")

        // When another paper reports the same side's same stance in other words
        let development = tracker.record(again, in: &state)

        // Then nothing is raised, but history grows
        #expect(development == nil)
        #expect(state.entries.count == 2)
    }

    @Test func record_whenDatedBeforeLatestDate_raisesNothing() {
        // Given a storyline whose latest event is dated 10 March
        var state = Given.dyad()
        _ = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(10),
                                       quote: "Norway proposed expelling five Belarusian diplomats."), in: &state)
        let older = Given.event(Given.norway, Given.belarus, .sanction, "expel", .refused, on: Given.march(5),
                                quote: "Norway refused to expel Belarusian diplomats, a report from 5 March said.")

        // When an event dated 5 March that would otherwise be a reversal arrives
        let development = tracker.record(older, in: &state)

        // Then it updates history only
        #expect(development == nil)
        #expect(state.entries.count == 2)
        #expect(state.lastDate == Given.march(10))
    }

    @Test func record_whenGapLongerThanWindow_startsAfresh() {
        // Given a storyline with a 30-day window and a proposal on 1 March
        let shortTracker = Tracker(windowDays: 30)
        var state = Given.dyad()
        _ = shortTracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                            quote: "Norway proposed expelling five Belarusian diplomats."), in: &state)
        let muchLater = Given.event(Given.norway, Given.belarus, .sanction, "expel", .refused, on: Given.march(62),
                                    quote: "Norway refused to expel Belarusian diplomats.")

        // When the next event comes 61 days later
        let development = shortTracker.record(muchLater, in: &state)

        // Then the storyline starts afresh: the refusal is its first event, not a reversal
        #expect(development?.kind == .new)
        #expect(development?.previous == nil)
        #expect(state.entries.count == 1)
    }

    @Test func record_whenGapWithinWindow_keepsHistory() {
        // Given a storyline with a 30-day window and a proposal on 1 March
        let shortTracker = Tracker(windowDays: 30)
        var state = Given.dyad()
        _ = shortTracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                            quote: "Norway proposed expelling five Belarusian diplomats."), in: &state)
        let soon = Given.event(Given.norway, Given.belarus, .sanction, "expel", .refused, on: Given.march(31),
                               quote: "Norway refused to expel Belarusian diplomats.")

        // When the next event comes 30 days later
        let development = shortTracker.record(soon, in: &state)

        // Then the history counts and the refusal reverses the proposal
        #expect(development?.kind == .reversal)
        #expect(state.entries.count == 2)
    }

    // MARK: ids

    @Test func record_whenSameEventInTwoFreshStates_givesSameId() {
        // Given two fresh states of the same storyline
        var first = Given.dyad()
        var second = Given.dyad()
        let proposal = Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                   quote: "Norway proposed expelling five Belarusian diplomats.")

        // When the same event is recorded in each
        let a = tracker.record(proposal, in: &first)
        let b = tracker.record(proposal, in: &second)

        // Then both developments carry the same id
        #expect(a != nil)
        #expect(a?.id == b?.id)
    }

    @Test func record_whenOnlyDocumentDiffers_givesSameId() {
        // Given the same event read from two different files
        var first = Given.dyad()
        var second = Given.dyad()
        let original = Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                   document: "wire/2025-03-01-norway.txt",
                                   quote: "Norway proposed expelling five Belarusian diplomats.")
        var syndicated = original
        syndicated.document = "mirror/copy-of-norway.txt"

        // When each is recorded in a fresh state
        let a = tracker.record(original, in: &first)
        let b = tracker.record(syndicated, in: &second)

        // Then the id does not depend on the path
        #expect(a != nil)
        #expect(a?.id == b?.id)
    }

    @Test func record_whenQuoteDiffers_givesDifferentId() {
        // Given two proposals worded differently
        var first = Given.dyad()
        var second = Given.dyad()
        let a = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                           quote: "Norway proposed expelling five Belarusian diplomats."), in: &first)

        // When the other wording is recorded
        let b = tracker.record(Given.event(Given.norway, Given.belarus, .sanction, "expel", .proposed, on: Given.march(1),
                                           quote: "Norway suggested sending five Belarusian diplomats home."), in: &second)

        // Then the ids differ, since an id says what the development says
        #expect(a != nil && b != nil)
        #expect(a?.id != b?.id)
    }
}
