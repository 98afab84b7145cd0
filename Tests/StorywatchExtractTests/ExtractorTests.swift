@testable import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import Testing

struct ExtractorTests {
    // MARK: Status cues (design §3, Status)

    static let statusCues: [ExpectedEvent] = [
        ExpectedEvent("Norway proposed expelling five Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .proposed),
        ExpectedEvent("Oslo suggested closing the Belarusian consulate in Kirkenes.",
                      source: "NOR", target: "BLR", .sanction, "other", .proposed),
        ExpectedEvent("Norwegian lawmakers insisted on expelling the Belarusian ambassador.",
                      source: "NOR", target: "BLR", .sanction, "expel", .demanded),
        ExpectedEvent("Belarus vowed to expel Norwegian diplomats.",
                      source: "BLR", target: "NOR", .sanction, "expel", .threatened),
        ExpectedEvent("Norway pledged to impose sanctions on Belarus.",
                      source: "NOR", target: "BLR", .sanction, "discontinue", .promised),
        ExpectedEvent("Norway is considering expelling Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .considered),
        ExpectedEvent("Norway may close the Belarusian embassy.",
                      source: "NOR", target: "BLR", .sanction, "other", .considered),
        ExpectedEvent("Norway expelled five Belarusian diplomats on Friday.",
                      source: "NOR", target: "BLR", .sanction, "expel", .done),
        ExpectedEvent("Norway has imposed sanctions on Belarus.",
                      source: "NOR", target: "BLR", .sanction, "discontinue", .done),
        ExpectedEvent("Norway declined to expel Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .refused),
        ExpectedEvent("Norway won't expel Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .refused),
        ExpectedEvent("Norway decided against expelling Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .refused),
        ExpectedEvent("Belarus denied hacking Norwegian ministries.",
                      source: "BLR", target: "NOR", .coerce, "cyber", .denied, saidBy: "BLR"),
        ExpectedEvent("Belarus acknowledged for the first time that it hacked Norwegian ministries.",
                      source: "BLR", target: "NOR", .coerce, "cyber", .admitted, saidBy: "BLR"),
        ExpectedEvent("Norway scrapped sanctions against Belarus.",
                      source: "NOR", target: "BLR", .sanction, "discontinue", .cancelled),
        // What should happen is expected, not done.
        ExpectedEvent("Peruvian talks with Chile should resume next week.",
                      source: "PER", target: "CHL", .consult, "other", .considered),
        // A planned act put off is cancelled for now.
        ExpectedEvent("Peru postponed the planned visit of the Chilean foreign minister.",
                      source: "PER", target: "CHL", .consult, "visit", .cancelled),
        // Status verbs that are also actions of their own (REQUEST, THREATEN, REJECT)
        ExpectedEvent("Norwegian lawmakers demanded the expulsion of the Belarusian ambassador.",
                      source: "NOR", target: "BLR", .sanction, "expel", .demanded),
        ExpectedEvent("Belarus threatened to expel Norwegian diplomats.",
                      source: "BLR", target: "NOR", .sanction, "expel", .threatened),
        ExpectedEvent("Belarus warned it would expel Norwegian diplomats.",
                      source: "BLR", target: "NOR", .sanction, "expel", .threatened),
        ExpectedEvent("Norway refused to expel Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .refused),
    ]

    @Test(arguments: statusCues)
    func extract_whenStatusCue_readsStatus(_ expected: ExpectedEvent) throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When the sentence is read
        // Then it yields the expected event with the cue's status
        try expected.verify(with: extractor)
    }

    @Test
    func extract_whenNoLongerPlans_readsRefused() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a sentence says Norway no longer plans the measure
        // Then the measure is refused
        try ExpectedEvent("Norway no longer plans to expel Belarusian diplomats.",
                          source: "NOR", target: "BLR", .sanction, "expel", .refused).verify(with: extractor)
    }

    @Test
    func extract_whenCalledOffNominalAction_readsCancelledBySubject() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When Norway calls off an expulsion
        // Then the expulsion is Norway's, cancelled
        try ExpectedEvent("Norway called off the expulsion of Belarusian diplomats.",
                          source: "NOR", target: "BLR", .sanction, "expel", .cancelled).verify(with: extractor)
    }

    @Test func extract_whenSanctionsLifted_readsSanctionCancelled() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When Norway lifts its sanctions
        // Then the action keeps its own type and the status says it is cancelled
        try ExpectedEvent("Norway lifted sanctions on Belarus.",
                          source: "NOR", target: "BLR", .sanction, "discontinue", .cancelled).verify(with: extractor)
    }

    // MARK: Negation scope

    static let negations: [ExpectedEvent] = [
        ExpectedEvent("Norway will not expel anybody.",
                      source: "NOR", target: nil, .sanction, "expel", .refused),
        ExpectedEvent("Norway did not rule out expelling Belarusian diplomats.",
                      source: "NOR", target: "BLR", .sanction, "expel", .considered),
    ]

    @Test(arguments: negations)
    func extract_whenNegated_readsStatusInScope(_ expected: ExpectedEvent) throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a negated sentence is read
        // Then the negation changes the status it governs
        try expected.verify(with: extractor)
    }

    @Test func extract_whenDismissedSuggestionsThatOtherDidIt_readsDeniedWithSaidBy() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When Warsaw dismisses reports that Lithuanian agents hacked a Polish office
        // Then Lithuania's action is denied, said by Poland
        try ExpectedEvent("Warsaw dismissed reports that Lithuanian agents tried to hack the Polish tax office.",
                          source: "LTU", target: "POL", .coerce, "cyber", .denied, saidBy: "POL").verify(with: extractor)
    }

    // MARK: Passive

    @Test func extract_whenPassiveWithBy_swapsSourceAndTarget() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a passive sentence names the agent after "by"
        // Then the agent is the source and the subject the target
        try ExpectedEvent("Five Norwegian diplomats were expelled by Belarus on Monday.",
                          source: "BLR", target: "NOR", .sanction, "expel", .done).verify(with: extractor)
    }

    // MARK: Quantities

    static let quantities: [(sentence: String, value: Double)] = [
        ("Belarus expelled 35 Norwegian diplomats on Friday.", 35),
        ("Belarus expelled 20 staff of the Norwegian consulate and three attachés.", 23),
        ("Norway expelled two Belarusian diplomats.", 2),
    ]

    @Test(arguments: quantities)
    func extract_whenActionHasFigures_readsQuantity(_ sentence: String, _ value: Double) throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a sentence with figures in the action's object is read
        let events = extractor.extract(text: sentence, document: "test.txt")

        // Then the expulsion carries the figure, added up across "and"
        let expulsion = try #require(events.first { $0.type == .sanction && $0.mode == "expel" })
        #expect(expulsion.quantity?.value == value)
    }

    // MARK: Response and breach cues

    @Test func extract_whenInRetaliationFor_marksResponse() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When Belarus expels diplomats "in retaliation for" Norway's expulsions
        let events = extractor.extract(
            text: "Belarus expelled ten Norwegian diplomats in retaliation for the expulsions.", document: "test.txt")

        // Then Belarus's expulsion is framed as an answer
        let answer = try #require(events.first { $0.type == .sanction && $0.source?.root == "BLR" })
        #expect(answer.isResponse)
        #expect(answer.status == .done)
        #expect(answer.target?.root == "NOR")
    }

    @Test func extract_whenNoResponseCue_doesNotMarkResponse() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When a plain expulsion is read
        let events = extractor.extract(text: "Belarus expelled ten Norwegian diplomats on Friday.", document: "test.txt")

        // Then nothing frames it as an answer or a breach
        let expulsion = try #require(events.first { $0.type == .sanction })
        #expect(!expulsion.isResponse)
        #expect(!expulsion.isBreach)
    }

    @Test func extract_whenDespiteTheCeasefire_marksBreach() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When an attack is said to go ahead despite the ceasefire
        let events = extractor.extract(
            text: "Belarusian troops shelled Norwegian positions on Sunday despite the ceasefire.", document: "test.txt")

        // Then the attack carries the breach cue
        let shelling = try #require(events.first { $0.type == .assault })
        #expect(shelling.isBreach)
        #expect(shelling.source?.root == "BLR")
        #expect(shelling.target?.root == "NOR")
    }

    @Test
    func extract_whenInViolationOfCeasefire_marksBreachOnAttack() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When an attack is said to violate the ceasefire
        let events = extractor.extract(
            text: "Belarusian troops shelled Norwegian positions in violation of the ceasefire.", document: "test.txt")

        // Then the attack, not the ceasefire it breaks, carries the breach cue
        let shelling = try #require(events.first { $0.type == .assault })
        #expect(shelling.isBreach)
        #expect(shelling.source?.root == "BLR")
        #expect(shelling.target?.root == "NOR")
    }

    @Test func extract_whenNoBreachCue_doesNotMarkBreach() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When an attack is reported with no word about a truce
        let events = extractor.extract(text: "Belarusian troops shelled Norwegian positions overnight.", document: "test.txt")

        // Then it is not a breach
        let shelling = try #require(events.first { $0.type == .assault })
        #expect(!shelling.isBreach)
    }

    // MARK: Document

    @Test func extract_whenText_setsDocumentAndQuote() throws {
        // Given the shipped dictionaries
        let extractor = try Shipped.extractor()

        // When two sentences are read as one text
        let events = extractor.extract(
            text: "Norway expelled five Belarusian diplomats on Friday. Belarus vowed to expel Norwegian diplomats.",
            document: "wire/norway.txt")

        // Then each event quotes its own sentence and names the document
        #expect(events.map(\.quote) == ["Norway expelled five Belarusian diplomats on Friday.",
                                         "Belarus vowed to expel Norwegian diplomats."])
        #expect(events.allSatisfy { $0.document == "wire/norway.txt" })
    }

    @Test func extract_whenExplainingNothing_readsTheSameEventsWithoutTheirTexts() throws {
        // Given the pipeline's extractor (no explain text) and explain's, over one text
        let lexicon = try Shipped.lexicon.get()
        let text = """
            Norway expelled five Belarusian diplomats on Friday. Belarus has usually responded in kind to such expulsions. \
            Minsk vowed to expel Norwegian diplomats in retaliation.
            """
        let document = DocumentParser().parse(text: text, path: "norway-belarus.txt", fallbackDate: Day(year: 2025, month: 3, day: 14))

        // When both read it
        let plain = Extractor(lexicon: lexicon, explains: false).extract(document: document)
        let explained = Extractor(lexicon: lexicon, explains: true).extract(document: document)

        // Then the events and what storylines read of their evidence agree, and only explain's have texts
        #expect(plain.count >= 2)
        #expect(plain.map(\.event) == explained.map(\.event))
        #expect(plain.map(\.evidence.habitual) == explained.map(\.evidence.habitual))
        #expect(plain.contains { $0.evidence.habitual })
        #expect(plain.allSatisfy { $0.evidence.trigger.isEmpty && $0.evidence.actors.isEmpty })
        #expect(explained.allSatisfy { !$0.evidence.trigger.isEmpty })
    }

    @Test func extract_whenSentencesTellDatesOutOfOrder_ordersEventsByDate() throws {
        // Given a text whose sentences go back and forth in time
        let text = """
            OSLO, March 25 (Reuters) - On 12 March Norway expelled five Belarusian diplomats. \
            On 3 March Belarus expelled two Norwegian diplomats. On 20 March Belarus threatened to expel more \
            Norwegian diplomats. On 1 March Norway recalled its ambassador from Belarus. \
            On 15 March Norway imposed sanctions on Belarus.
            """
        let document = DocumentParser().parse(text: text, path: "norway-belarus.txt", fallbackDate: Day(year: 2025, month: 3, day: 25))

        // When it is read
        let events = try Shipped.extractor().extract(document: document).map(\.event)

        // Then the events run by date, each numbered in that order
        #expect(events.compactMap(\.date?.day) == [1, 3, 12, 15, 20])
        #expect(events.map(\.mode) == ["withdraw", "expel", "expel", "discontinue", "expel"])
        #expect(events.map(\.order) == Array(0..<5))
    }
}
