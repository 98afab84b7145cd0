import Foundation
import StorywatchStore

/// The document version being read, written to the state folder while its text is extracted
/// and removed once its results are committed. Found when a pass starts, it names the version a
/// crash stopped in: that version is skipped (its items recorded as seen, nothing extracted), so
/// one text that kills the process cannot stop the corpus from being read at every restart.
/// (A plain file, not a database row: it must survive only the process, not the machine.)
package struct ReadingMarker: Sendable {
    let file: String

    package init(stateDirectory: String) {
        file = stateDirectory + "/reading"
    }

    /// The version left marked by a process that stopped while reading it.
    package func left() -> (path: String, hash: String)? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let fields = text.trimmingCharacters(in: .newlines).split(separator: "\t", maxSplits: 1).map(String.init)
        return fields.count == 2 ? (path: fields[1], hash: fields[0]) : nil
    }

    func mark(_ document: StoredDocument) {
        try? Data("\(document.hash)\t\(document.path)\n".utf8).write(to: URL(fileURLWithPath: file))
    }

    func clear() {
        try? FileManager.default.removeItem(atPath: file)
    }
}
