@testable import StorywatchExtract
import StorywatchModel
import Testing

/// An act told as going on (`Continuing`): flagged, and its status read from the clause's own
/// cues, not from the "to" of "continued to".
@Suite struct ContinuingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var status: EventStatus
        var ongoing: Bool
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        Case(sentence: "Ghanaian gunboats are still shelling the Togolese harbour.", status: .done, ongoing: true),
        Case(sentence: "Ghanaian troops continued to shell Togolese positions overnight.", status: .done, ongoing: true),
        Case(sentence: "Ghanaian jets kept bombing Togolese depots.", status: .done, ongoing: true),
        // The going-on cue is no status: a modal before it still decides.
        Case(sentence: "Ghana said its artillery would continue to shell Togolese positions.", status: .threatened, ongoing: true),
        // Traps: "still" as a sentence adverb, or away from the action word, tells no going on.
        Case(sentence: "Still, Ghanaian jets bombed a Togolese depot.", status: .done, ongoing: false),
        Case(sentence: "Ghana is still angry, and its jets bombed a Togolese depot.", status: .done, ongoing: false),
        Case(sentence: "Ghanaian jets bombed a Togolese depot.", status: .done, ongoing: false),
    ]

    @Test(arguments: cases) func extract_marksActsToldAsGoingOn(_ c: Case) throws {
        let events = try Shipped.extractor().extract(text: c.sentence, document: "test.txt")
        let force = try #require(events.first { $0.type == .assault }, "no force among \(events.map(\.family))")
        #expect(force.isOngoing == c.ongoing)
        #expect(force.status == c.status)
    }
}
