import Foundation
import StorywatchModel
#if canImport(Glibc)
import Glibc
#endif

/// What the file system says about a file, used to skip unchanged files without reading them.
package struct FileStamp: Sendable, Hashable {
    package var size: Int64
    /// Modification time in nanoseconds since the epoch.
    package var mtimeNanos: Int64
    package var inode: UInt64

    package init(size: Int64, mtimeNanos: Int64, inode: UInt64) {
        self.size = size
        self.mtimeNanos = mtimeNanos
        self.inode = inode
    }

    /// lstat of a path; nil when it is gone or not a regular file (symlinks are not followed).
    package static func of(path: String) -> FileStamp? {
        var info = stat()
        guard FileName.withPath(path, { lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return FileStamp(size: Int64(info.st_size), mtimeNanos: nanos, inode: UInt64(info.st_ino))
    }

    package var mtime: Date { Date(timeIntervalSince1970: Double(mtimeNanos) / 1e9) }
}

/// The bytes of one file, checked against the limits before anything is parsed.
package struct FileContent: Sendable {
    package var bytes: [UInt8]
    package var stamp: FileStamp
    package var hash: String
}

/// Reads files with the checks of design §2: size cap, binary detection, vanishing files.
package struct FileReader: Sendable {
    package var maxFileBytes: Int64

    package init(maxFileBytes: Int64) {
        self.maxFileBytes = maxFileBytes
    }

    /// Reads `absolutePath`, reporting problems with `displayPath`.
    package func read(absolutePath: String, displayPath: String) throws(IngestError) -> FileContent {
        guard let before = FileStamp.of(path: absolutePath) else { throw .vanished(path: displayPath) }
        if before.size > maxFileBytes { throw .tooLarge(path: displayPath, size: before.size, limit: maxFileBytes) }
        if before.size == 0 { throw .empty(path: displayPath) }
        let fd = FileName.withPath(absolutePath) { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw .vanished(path: displayPath) }
            throw .unreadable(path: displayPath, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        // Read straight into the array: the size lstat gave, then whatever the file grew by.
        let expected = Int(before.size)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected {
                let n = Glibc.read(fd, buffer.baseAddress! + count, expected - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if failure != 0 { throw .unreadable(path: displayPath, reason: String(cString: strerror(failure))) }
        var info = stat()
        if bytes.count == expected {
            // Grown since lstat? Read on until the end of the file.
            guard fstat(fd, &info) == 0 else { throw .vanished(path: displayPath) }
            if Int64(info.st_size) != Int64(expected) {
                try readRest(fd, into: &bytes, displayPath: displayPath)
                guard fstat(fd, &info) == 0 else { throw .vanished(path: displayPath) }
            }
        } else {
            guard fstat(fd, &info) == 0 else { throw .vanished(path: displayPath) }
        }
        if Int64(bytes.count) > maxFileBytes {
            throw .tooLarge(path: displayPath, size: Int64(bytes.count), limit: maxFileBytes)
        }
        if bytes.isEmpty { throw .empty(path: displayPath) }
        let binary = bytes.withUnsafeBufferPointer { memchr($0.baseAddress!, 0, $0.count) != nil }
        if binary { throw .binary(path: displayPath) }
        let stamp = FileStamp(size: Int64(bytes.count),
                              mtimeNanos: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                              inode: UInt64(info.st_ino))
        return FileContent(bytes: bytes, stamp: stamp, hash: ContentHash.hex(bytes))
    }

    /// Appends the rest of the file, up to just over `maxFileBytes`.
    private func readRest(_ fd: Int32, into bytes: inout [UInt8], displayPath: String) throws(IngestError) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: displayPath, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if Int64(bytes.count) > maxFileBytes {
                throw .tooLarge(path: displayPath, size: Int64(bytes.count), limit: maxFileBytes)
            }
        }
    }
}
