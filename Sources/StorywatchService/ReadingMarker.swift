import Foundation
import StorywatchStore

/// The document version being read, written to the state folder while its text is extracted
/// and removed once its results are committed, with how many processes have started it. A
/// process killed from outside (a SIGKILL, an OOM kill) leaves it too, so a version left marked is
/// read again; only one that has stopped `attemptsBeforeSkip` processes in a row is skipped (its
/// items recorded as seen, nothing extracted): one text that kills the process cannot stop the
/// corpus from being read at every restart. (A plain file, not a database row: it must outlive
/// the process, not the machine.)
package struct ReadingMarker: Sendable {
    /// Starts of one version that ended with the process: then it is taken for the cause.
    package static let attemptsBeforeSkip = 3

    /// A version left marked, and how many processes stopped while reading it.
    package struct Left: Sendable, Equatable {
        package var path: String
        package var hash: String
        package var attempts: Int
    }

    let file: String

    package init(stateDirectory: String) {
        file = stateDirectory + "/reading"
    }

    /// The version left marked by a process that stopped while reading it.
    package func left() -> Left? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let fields = text.trimmingCharacters(in: .newlines).split(separator: "\t", maxSplits: 2).map(String.init)
        guard fields.count == 3, let attempts = Int(fields[1]) else { return nil }
        return Left(path: fields[2], hash: fields[0], attempts: attempts)
    }

    func mark(_ document: StoredDocument, attempts: Int) {
        try? Data("\(document.hash)\t\(attempts)\t\(document.path)\n".utf8).write(to: URL(fileURLWithPath: file))
    }

    func clear() {
        try? FileManager.default.removeItem(atPath: file)
    }
}
