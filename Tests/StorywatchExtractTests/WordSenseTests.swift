@testable import StorywatchExtract
import StorywatchModel
import Testing

/// Word senses a phrase's object decides, on sentences written for each sense.
struct WordSenseTests {
    @Test(arguments: [
        // Blocking a decision is rejecting it; blocking roads is a protest.
        ("Germany said it would block the motion at the council meeting.", EventType.reject),
        ("Austria blocked the proposal to widen the quota.", EventType.reject),
    ])
    func extract_whenBlockTakesADecision_readsRejection(_ c: (String, EventType)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        #expect(events.map(\.type) == [c.1])
    }

    @Test func extract_whenBlockTakesRoads_readsProtest() throws {
        let events = try Shipped.extractor().extract(text: "Farmers in Chile blocked the roads into Santiago.", document: "t.txt")
        #expect(events.first?.type == .protest)
    }
}
