import Foundation
import StorywatchModel

/// One file read and parsed: the document and the raw facts the store keeps about it.
package struct IngestedFile: Sendable {
    package var document: Document
    package var content: FileContent
}

/// File → Document, with every check of design §2. Pure apart from reading the file.
package struct Ingestor: Sendable {
    package var reader: FileReader
    package var parser = DocumentParser()

    package init(maxFileBytes: Int64) {
        reader = FileReader(maxFileBytes: maxFileBytes)
    }

    /// Reads and parses one file. Throws `IngestError` for files that must be skipped.
    package func ingest(absolutePath: String, relativePath: String) throws(IngestError) -> IngestedFile {
        let content = try reader.read(absolutePath: absolutePath, displayPath: relativePath)
        return parse(content: content, relativePath: relativePath)
    }

    /// Parses bytes already read (used by `explain` on standard input too).
    package func parse(content: FileContent, relativePath: String) -> IngestedFile {
        let fallbackDate = Self.utcDay(mtimeNanos: content.stamp.mtimeNanos)
        let parsed = parser.parse(bytes: content.bytes, path: relativePath, fallbackDate: fallbackDate)
        var document = parsed.document
        if parsed.usedFallback {
            document.warnings.append("\(relativePath) is not valid UTF-8; read it as Windows-1252")
        }
        return IngestedFile(document: document, content: content)
    }

    /// The UTC day of a modification time: `Day(FileStamp.mtime)` without a calendar.
    package static func utcDay(mtimeNanos: Int64) -> Day {
        let seconds = Double(mtimeNanos) / 1e9
        let days = (seconds / 86_400).rounded(.down)
        guard days.isFinite, abs(days) < 1e9 else { return Day(Date(timeIntervalSince1970: seconds)) }
        return Day(ordinal: Int(days))
    }
}
