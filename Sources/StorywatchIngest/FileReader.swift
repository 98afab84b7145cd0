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
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
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
        let fd = open(absolutePath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw .vanished(path: displayPath) }
            throw .unreadable(path: displayPath, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(before.size))
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
        if bytes.isEmpty { throw .empty(path: displayPath) }
        if bytes.contains(0) { throw .binary(path: displayPath) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .vanished(path: displayPath) }
        let stamp = FileStamp(size: Int64(bytes.count),
                              mtimeNanos: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                              inode: UInt64(info.st_ino))
        return FileContent(bytes: bytes, stamp: stamp, hash: ContentHash.hex(bytes))
    }
}
