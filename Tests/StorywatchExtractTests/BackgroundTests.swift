@testable import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import Testing

/// `Background`: what a sentence recounts from before the news, on sentences written for the rule.
struct BackgroundTests {
    private func events(_ text: String) throws -> [Event] {
        let document = DocumentParser().parse(text: "SANTIAGO, June 10, 2026 - " + text, path: "b.txt", fallbackDate: Day(year: 2026, month: 6, day: 10))
        return try Shipped.extractor().extract(document: document).map(\.event)
    }

    @Test(arguments: [
        // The past perfect outside a report tells what came before.
        "Finland had expelled three Estonian diplomats before the talks began.",
        // An act dated years before the article is history.
        "Chile expelled two Peruvian diplomats in 1998.",
        // A report word inside a name ("State Security Act") reports nothing.
        "Under the State Security Act, Finland had expelled three Estonian diplomats.",
        // A month and a year, with or without a comma, date it too.
        "Officials said Chile had approved a March, 2011, sale of rifles to Peru.",
        "Chile expelled two Peruvian diplomats in a row that began in March 2011.",
        // Going back to a moment already told.
        "Chile warned at the time that it would expel two Peruvian diplomats.",
        // A relative clause set off by a comma tells the history of the party before it.
        "The cabinet faces a vote on Friday, Chile's finance minister said, and the government, which expelled two Peruvian diplomats in May, wants calm.",
        "It is the second time this year for the Chilean government, which in April scrapped its plan for a mining royalty.",
    ])
    func extract_whenSentenceRecountsThePast_marksBackground(_ sentence: String) throws {
        let found = try events(sentence)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.isBackground }, "\(found)")
    }

    @Test(arguments: [
        // A report backshifts the news itself.
        "Officials in Tallinn said Finland had expelled three Estonian diplomats.",
        "Finland expelled three Estonian diplomats on Monday.",
        // An admission backshifts what it admits.
        "Finland's interior minister admitted on Monday that police had detained three Estonian journalists.",
        // A restrictive relative clause tells the news ("the minister who expelled…" names him).
        "Finland, Estonia's neighbour, expelled three Estonian diplomats who had met the opposition.",
    ])
    func extract_whenSentenceTellsTheNews_marksNoBackground(_ sentence: String) throws {
        let found = try events(sentence)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.isBackground }, "\(found)")
    }

    /// An act given as the reason for another ("fined for dumping") is presupposed: background;
    /// an act asked for ("called for lifting") is not.
    @Test func extract_whenActIsTheReasonForAnother_marksItBackground() throws {
        let reason = try events("Peru thanked Ecuador for clinching the fishing deal.")
        let accord = try #require(reason.first { $0.type == .agree })
        #expect(accord.isBackground)
        let asked = try events("Peru called for lifting the Chilean blockade of its ports.")
        #expect(!asked.isEmpty)
        #expect(asked.allSatisfy { !$0.isBackground }, "\(asked)")
    }

    /// A date inside a clause about a noun after the act dates that clause's act
    /// (`ReducedRelative.holdsDate`); a date in the act's own clause dates the act.
    @Test func extract_whenDateIsInsideAClauseAboutTheObject_keepsTheItemDate() throws {
        let shelled = try events("Bolivian gunners are still shelling the bridge seized by Chilean troops on June 2.")
        #expect(shelled.first { $0.type == .assault }?.date == Day(year: 2026, month: 6, day: 10), "\(shelled)")
        let breach = try events("Peru accused Bolivia of breaking the border accord which both sides signed on May 4.")
        #expect(breach.first { $0.type == .accuse }?.date == Day(year: 2026, month: 6, day: 10), "\(breach)")
        let own = try events("Bolivian gunners shelled the bridge near Arica on June 2.")
        #expect(own.first { $0.type == .assault }?.date == Day(year: 2026, month: 6, day: 2), "\(own)")
    }

    /// A planned act named in a prepositional phrase is a known plan: promised and background
    /// (`KnownPlan`); a stance verb before it still decides ("postponed the upcoming summit").
    @Test func extract_whenPlanIsOnlyReferredTo_marksItPromisedBackground() throws {
        let clouded = try events("Peru said the border row had cast a pall over its scheduled talks with Chile next week.")
        let talks = try #require(clouded.first { $0.type == .consult })
        #expect(talks.status == .promised)
        #expect(talks.isBackground)
        let postponed = try events("Chile postponed the upcoming summit with Peru.")
        let summit = try #require(postponed.first { $0.type == .consult })
        #expect(summit.status == .cancelled)
        #expect(!summit.isBackground)
    }
}
