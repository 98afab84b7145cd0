import Foundation
import StorywatchExtract
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// For `explain --state`: replays a document's events against the stored storylines without
/// writing anything, and says for each what it would raise and why.
package struct StorylineExplainer: Sendable {
    package var store: Store
    package var windowDays: Int

    package init(store: Store, windowDays: Int) {
        self.store = store
        self.windowDays = windowDays
    }

    /// One line per event: the storyline it touches and the outcome.
    package func explain(_ events: [ExtractedEvent]) throws -> [(ExtractedEvent, String)] {
        var book = StorylineBook(repository: try StoredStorylines.forReading(store), tracker: Tracker(windowDays: windowDays))
        var lines: [(ExtractedEvent, String)] = []
        for extracted in events {
            if extracted.evidence.habitual {
                lines.append((extracted, "not tracked: the sentence tells a habit, not an act at a time"))
                continue
            }
            guard let entry = try book.assess(extracted.event) else {
                lines.append((extracted, "no storyline: the event names no actor"))
                continue
            }
            let storyline = "storyline \(entry.key.id) (sides \(entry.key.sides.joined(separator: ", ")); \(entry.known) earlier events)"
            switch entry.outcome {
            case .raised(let d):
                let recorded = try store.developmentExists(id: d.id) ? " (already recorded: not alerted again)" : ""
                let previous = d.previous.map { " — previous: \(String($0.quote.prefix(80))) (\($0.document))" } ?? ""
                lines.append((extracted, "\(storyline): \(d.kind.rawValue)\(recorded)\(previous)"))
            case .silent(let reason):
                lines.append((extracted, "\(storyline): nothing raised — \(reason)"))
            }
        }
        return lines
    }
}
