import Foundation
import Glibc

/// A fresh folder under the system temp folder for one test, with the file operations editors
/// and copiers perform; `remove()` deletes it.
package struct TempDirectory: Sendable {
    package let path: String

    package init(_ label: String = "test") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("storywatch-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    package func absolute(_ relative: String) -> String { path + "/" + relative }

    /// Writes `text` as UTF-8 to `name` (folders created as needed); returns the absolute path.
    @discardableResult
    package func write(_ name: String, _ text: String = "Article text.\n") throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// open(2), write(2), close(2) of raw bytes: one IN_CLOSE_WRITE. Returns the absolute path.
    @discardableResult
    package func write(_ name: String, bytes: [UInt8]) throws -> String {
        let full = absolute(name)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
        return full
    }

    package func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: absolute(relative), withIntermediateDirectories: true)
    }

    /// rename(2) inside this folder.
    package func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(absolute(from), absolute(to)) == 0 else { throw POSIXError(.EIO) }
    }

    /// Deletes a file or folder inside this folder.
    package func delete(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: absolute(relative))
    }

    /// Deletes the folder and everything in it.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
