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
        let decoded = TextDecoding.decode(content.bytes)
        var document = parser.parse(text: decoded.text, path: relativePath, fallbackDate: Day(content.stamp.mtime))
        if decoded.usedFallback {
            document.warnings.append("\(relativePath) is not valid UTF-8; read it as Windows-1252")
        }
        return IngestedFile(document: document, content: content)
    }
}
