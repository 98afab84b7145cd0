@testable import StorywatchExtract
import StorywatchModel
import Testing

/// A reduced passive after a noun phrase a party's adjective heads ("Bolivian sailors seized on
/// Friday", `PassiveAgent.endsNounPhrase`, `startsDate`), a participle after a figure
/// ("two captured soldiers", `isAttributive`), and the noun a describing participle modifies
/// ("a threatened ban … would", `SentenceReader.view`).
@Suite struct ReducedPassiveTests {
    /// The noun before the participle is acted on: with no agent named, nobody seized anything.
    @Test(arguments: [
        "Paraguay holds three Bolivian sailors seized on Friday near the river port.",
        "Paraguay is holding two Bolivian fishing boats seized last week.",
        "Paraguay still holds the Bolivian soldiers detained on March 4.",
    ]) func extract_readsNoAgentIntoReducedPassive(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "test.txt")
        #expect(!events.contains { $0.type == .coerce && $0.source?.root == "BOL" }, "\(events.map(\.family))")
    }

    /// The agent of a reduced passive is its by-phrase's party.
    @Test func extract_readsByPhraseOfReducedPassive() throws {
        let events = try Shipped.extractor().extract(text: "Bolivian trawlers seized by Paraguay on Friday were towed to Asuncion.",
                                                     document: "test.txt")
        let seizure = try #require(events.first { $0.type == .coerce }, "\(events.map(\.family))")
        #expect(seizure.source?.root == "PRY")
        #expect(seizure.target?.root == "BOL")
    }

    /// A date followed by an object leaves the verb active ("approved last week a deal").
    @Test func extract_keepsActiveVerbBeforeDateAndObject() throws {
        let events = try Shipped.extractor().extract(text: "Bolivia's cabinet approved last week an accord with Paraguay on river tolls.",
                                                     document: "test.txt")
        let accord = try #require(events.first { $0.type == .agree || $0.type == .support }, "\(events.map(\.family))")
        #expect(accord.source?.root == "BOL")
    }

    /// "two captured soldiers": the participle describes them; the act is their release only.
    @Test func extract_readsParticipleAfterFigureAsDescription() throws {
        let events = try Shipped.extractor().extract(text: "Paraguay released two captured Bolivian soldiers on Sunday.", document: "test.txt")
        #expect(events.map(\.type) == [.retreat], "\(events.map(\.family))")
    }

    /// "a threatened ban on … imports would take effect": a noun whose status follows it.
    @Test func extract_readsDescribedWordAsNoun() throws {
        let events = try Shipped.extractor().extract(
            text: "Paraguay said a threatened ban on Bolivian beef imports would come into force next week.", document: "test.txt")
        let ban = try #require(events.first { $0.type == .sanction || $0.type == .coerce }, "\(events.map(\.family))")
        #expect(ban.status != .done)
    }
}

/// Phrases of the hand lexicon (`actions.txt`) for acts news tells in several words: trade
/// halted, captives handed over, soldiers sent.
@Suite struct TradeCaptivesTroopsPhraseTests {
    static let cases: [(sentence: String, type: EventType, mode: String)] = [
        ("Paraguay halted imports of Bolivian soybeans on Monday.", .sanction, "discontinue"),
        ("Paraguay suspended all Bolivian soybean imports.", .sanction, "discontinue"),
        ("Bolivia said it would hand over a captured Paraguayan conscript to the Red Cross.", .retreat, "release"),
        ("Bolivia has sent about 800 soldiers to its southern border with Paraguay.", .mobilize, "troops"),
        ("Bolivia has sent 800 soldiers backed by armoured cars to the border with Paraguay.", .mobilize, "troops"),
    ]

    /// "Bolivian border forces": a force of the country, not the border as a place.
    @Test func extract_readsBorderForcesAsTheCountrysForce() throws {
        let events = try Shipped.extractor().extract(text: "Bolivian border forces fired mortar rounds at a Paraguayan post.",
                                                     document: "test.txt")
        let force = try #require(events.first { $0.type == .assault }, "\(events.map(\.family))")
        #expect(force.source?.code == "BOLMIL")
        #expect(force.target?.root == "PRY")
    }

    /// "a threatened strike set to go ahead": planned, not done (cues.txt, after the noun).
    @Test func extract_readsStrikeSetToGoAheadAsPlanned() throws {
        let events = try Shipped.extractor().extract(
            text: "Talks with the Bolivian miners' union collapsed, leaving a threatened strike set to go ahead on Monday.", document: "test.txt")
        #expect(!events.contains { $0.type == .protest && $0.status == .done }, "\(events.map { "\($0.family) \($0.status)" })")
    }

    @Test(arguments: cases) func extract_readsPhrase(_ c: (sentence: String, type: EventType, mode: String)) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        #expect(events.map(\.family) == ["\(c.type.rawValue)/\(c.mode)"], "\(events.map(\.family))")
    }
}
