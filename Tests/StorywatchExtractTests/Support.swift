import Foundation
@testable import StorywatchExtract
import StorywatchModel
import Testing

/// The shipped dictionaries, loaded once for all tests.
enum Shipped {
    static let lexicon: Result<Lexicon, DictionaryError> = Result { () throws(DictionaryError) -> Lexicon in
        try Lexicon.load(extraDirectory: nil)
    }

    static func extractor() throws -> Extractor {
        Extractor(lexicon: try lexicon.get())
    }
}

/// One sentence and the event it should yield (design §2–3), compared by actor roots.
struct ExpectedEvent: Sendable, CustomTestStringConvertible {
    var sentence: String
    var source: String?
    var target: String?
    var type: EventType
    var mode: String
    var status: EventStatus
    /// Checked only when given.
    var saidBy: String?

    init(_ sentence: String, source: String?, target: String?, _ type: EventType, _ mode: String, _ status: EventStatus,
         saidBy: String? = nil) {
        self.sentence = sentence
        self.source = source
        self.target = target
        self.type = type
        self.mode = mode
        self.status = status
        self.saidBy = saidBy
    }

    var testDescription: String { "\"\(sentence)\" → \(type.rawValue)/\(mode) \(status.rawValue)" }

    /// Extracts the sentence and checks the event of the expected family.
    func verify(with extractor: Extractor, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let events = extractor.extract(text: sentence, document: "test.txt")
        let event = try #require(events.first { $0.type == type && $0.mode == mode },
                                 "no \(type.rawValue)/\(mode) event among \(events.map(\.family))",
                                 sourceLocation: sourceLocation)
        #expect(event.source?.root == source, "source", sourceLocation: sourceLocation)
        #expect(event.target?.root == target, "target", sourceLocation: sourceLocation)
        #expect(event.status == status, "status", sourceLocation: sourceLocation)
        if let saidBy {
            #expect(event.saidBy?.root == saidBy, "said_by", sourceLocation: sourceLocation)
        }
        #expect(event.quote == sentence, sourceLocation: sourceLocation)
    }
}
