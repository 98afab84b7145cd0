import StorywatchExtract
import StorywatchModel
import Testing

/// Design §3, de-escalation: a standoff ended and assurances given are acts of agreement with
/// the other side, so a tense storyline can ease on them (the phrases are data in actions.txt).
struct SettlementTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Chile and Peru ended their month-long standoff over the fishing grounds on Friday.",
                      source: "CHL", target: "PER", .agree, "other", .done),
        ExpectedEvent("Chile assured Peru that its warships would stay out of the disputed waters.",
                      source: "CHL", target: "PER", .agree, "other", .done),
        ExpectedEvent("Chilean and Peruvian negotiators broke the deadlock over the border treaty.",
                      source: "CHL", target: "PER", .agree, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenStandoffEndsOrAssurancesAreGiven_readsAnAgreement(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// Trap: a strike that ends is no agreement between parties.
    @Test func extract_whenAStrikeEnds_readsNoAgreement() throws {
        let events = try Shipped.extractor().extract(text: "The Chilean dock strike ended on Friday.", document: "t.txt")
        #expect(!events.contains { $0.type == .agree })
    }
}
