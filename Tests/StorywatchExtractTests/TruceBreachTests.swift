@testable import StorywatchExtract
import StorywatchModel
import Testing

/// A party said to break a truce acts against it (`actions.txt`: "violate … ceasefire" is force,
/// and its breach cue marks it so); a truce agreed with a date between ("agreed on Sunday to a
/// ceasefire") is still a truce agreed.
@Suite struct TruceBreachTests {
    static let cases: [(sentence: String, status: EventStatus)] = [
        ("Paraguay has violated the ceasefire, Bolivian officials said.", .done),
        ("Bolivia said Paraguayan troops had broken the truce overnight.", .done),
        ("Paraguay denied violating the truce.", .denied),
        ("Paraguay said it would not violate the ceasefire.", .refused),
    ]

    @Test(arguments: cases) func extract_readsBreachOfTruceAsForce(_ c: (sentence: String, status: EventStatus)) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        let breach = try #require(events.first { $0.type == .assault }, "\(events.map(\.family))")
        #expect(breach.source?.root == "PRY")
        #expect(breach.status == c.status)
    }

    @Test func extract_readsBreachCueOnTheForce() throws {
        let found = try Shipped.extractor().extract(document: Document(path: "t.txt", layout: .article, date: nil, items: [
            Item(kind: .paragraph, position: 0, headline: nil, text: "Paraguay has violated the ceasefire, Bolivia said.", date: nil),
        ]))
        let breach = try #require(found.first { $0.event.type == .assault })
        #expect(breach.event.isBreach)
    }

    @Test(arguments: [
        "Bolivia and Paraguay agreed on Sunday to a ceasefire.",
        "Bolivian and Paraguayan commanders agreed to a truce on Sunday.",
    ]) func extract_readsTruceAgreed(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "test.txt")
        #expect(events.map(\.family) == ["AGREE/ceasefire"], "\(events.map(\.family))")
    }
}

/// "border officials", "frontier commanders": a landmark word before a title is part of the
/// title (`ActorFinder.role`), so the country adjective before it names the title's sector,
/// not a border as a place.
@Suite struct LandmarkTitleTests {
    @Test(arguments: [
        ("Bolivian border officials agreed to a truce with Paraguay.", "BOLGOV"),
        ("Bolivian frontier commanders agreed to a truce with Paraguay.", "BOLMIL"),
        ("Bolivian commanders agreed to a truce with Paraguay.", "BOLMIL"),
    ]) func extract_readsLandmarkTitle(_ c: (String, String)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "test.txt")
        let truce = try #require(events.first, "no event")
        #expect(truce.source?.code == c.1)
        #expect(truce.target?.root == "PRY")
    }

    /// Trap: the border itself is still a place ("near the Bolivian border").
    @Test func extract_keepsBorderAsPlace() throws {
        let events = try Shipped.extractor().extract(text: "Paraguayan troops shelled a village near the Bolivian border.", document: "test.txt")
        let force = try #require(events.first { $0.type == .assault }, "\(events.map(\.family))")
        #expect(force.target?.root != "BOL")
    }
}
