import Foundation
import Logging
import StorywatchExtract
import StorywatchIngest
import StorywatchModel

/// `storywatch extract`: the events of articles or lines of text; no state is used.
package struct ExtractUseCase: Sendable {
    /// Events, with the 1-based line they were read from when each line is its own text.
    package typealias Batch = (line: Int?, events: [Event])

    private let extractor: Extractor

    /// Throws `ConfigError` or `DictionaryError`.
    package init(_ request: ConfigRequest, logger: Logger) throws {
        extractor = try ExtractorFactory.make(config: try request.load(), logger: logger)
    }

    /// The events of a file, or of standard input when `path` is nil; nil when it cannot be read.
    /// A document that names no date is dated as the pipeline dates it: by the file's
    /// modification day (standard input: today).
    package func events(path: String?, perLine: Bool) -> [Batch]? {
        let read = if let path { FileManager.default.contents(atPath: path) } else { FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = read else { return nil }
        let text = TextDecoding.decode([UInt8](data)).text
        let name = path ?? "stdin"
        if perLine {
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
                (n + 1, extractor.extract(text: String(line), document: name))
            }
        }
        let fallbackDate = path.flatMap { FileStamp.of(path: $0) }.map { Ingestor.utcDay(mtimeNanos: $0.mtimeNanos) }
            ?? Day(Date())
        let document = DocumentParser().parse(text: text, path: name, fallbackDate: fallbackDate)
        return [(nil, extractor.extract(document: document).map(\.event))]
    }
}
