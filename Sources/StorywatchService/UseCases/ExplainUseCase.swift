import Logging
import StorywatchConfig
import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import StorywatchStore

/// `storywatch explain`: an article's items and events, the words and rules behind each, and
/// with a state, what tracking would make of them (nothing is written).
package enum ExplainUseCase {
    /// One event and why it was read so.
    package struct ExplainedEvent: Sendable {
        package var event: Event
        /// The item it was read from.
        package var itemHash: String
        package var trigger: String
        package var actors: [String]
        package var cues: [String]
        /// The storyline it touches and what it would raise (only with a state).
        package var tracking: String?
    }

    package struct Explanation: Sendable {
        package var document: Document
        package var events: [ExplainedEvent]
    }

    /// `withState`: compare with the state's storylines (read only). Throws `IngestError` for a
    /// file that cannot be read, `StoreError`, `ConfigError`, `DictionaryError`.
    package static func run(file: String, displayPath: String, withState: Bool, request: ConfigRequest,
                            logger: Logger) throws -> Explanation {
        let config = try request.load()
        let document = try Ingestor(maxFileBytes: config.maxFileBytes)
            .ingest(absolutePath: file, relativePath: displayPath).document
        let extractor = try ExtractorFactory.make(config: config, logger: logger, explains: true)
        let events = extractor.extract(document: document)
        var verdicts: [Int: String] = [:]
        if withState {
            let store = try Store.open(directory: config.state)
            let lines = try StorylineExplainer(store: store, windowDays: config.windowDays).explain(events)
            for (extracted, line) in lines { verdicts[extracted.event.order] = line }
        }
        return Explanation(document: document, events: events.map { e in
            ExplainedEvent(event: e.event, itemHash: e.itemHash, trigger: e.evidence.trigger, actors: e.evidence.actors,
                           cues: e.evidence.cues, tracking: verdicts[e.event.order])
        })
    }
}
