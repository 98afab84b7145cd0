@testable import StorywatchExtract
import StorywatchModel
import Testing

/// `Litotes`: a negated reluctance, on sentences written for the rule.
struct LitotesTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("Peru would not hesitate to impose sanctions on Ecuador.", source: "PER", target: "ECU", .sanction, "discontinue", .threatened),
        ExpectedEvent("Ghana will not shy away from expelling Togolese diplomats.", source: "GHA", target: "TGO", .sanction, "expel", .threatened),
        // Trap: a plain negation still refuses.
        ExpectedEvent("Ghana will not expel Togolese diplomats.", source: "GHA", target: "TGO", .sanction, "expel", .refused),
    ]

    @Test(arguments: cases)
    func extract_whenReluctanceIsNegated_readsACommitment(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}
