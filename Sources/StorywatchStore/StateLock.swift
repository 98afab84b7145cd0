import Foundation
import Glibc

/// The one-deliverer rule for a SQLite state folder: an advisory `flock` on `deliver.lock` in it,
/// held by `run` (and `deliver`) for as long as they live, released by the kernel when the
/// process ends, kill -9 included. Specific to the SQLite store; a shared store will claim rows.
package final class StateLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Takes the lock of `directory` (creating the folder and the file when needed), or throws
    /// `StoreError.locked` naming the process that holds it.
    package static func acquire(directory: String) throws(StoreError) -> StateLock {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(directory: directory, reason: error.localizedDescription)
        }
        let path = directory + "/deliver.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .notWritable(directory: directory) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = String(decoding: (try? FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd()) ?? Data(),
                                as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw .locked(path: path, holder: holder)
        }
        // Who holds it, for the message another process prints.
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, pid.count, 0) }
        return StateLock(descriptor: fd)
    }
}
