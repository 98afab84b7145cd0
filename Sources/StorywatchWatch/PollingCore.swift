import StorywatchModel
import Glibc
import Logging

/// The fallback for filesystems without inotify: list the tree every poll interval and compare
/// size, mtime and inode with the previous listing. A changed file is ready once it is unchanged
/// over one interval, or at once when its mtime is older than the quiet period. Not Sendable:
/// exactly one thread uses it.
final class PollingCore {
    struct Stamp: Equatable {
        var size: Int64
        var mtimeNanos: Int64
        var inode: UInt64
    }

    let root: String
    let configuration: WatchConfiguration
    private var rootIdentity = RootIdentity(device: 0, inode: 0)
    private var previous: [String: Stamp] = [:]
    private var changing: Set<String> = []

    init(root: String, configuration: WatchConfiguration) {
        self.root = root
        self.configuration = configuration
    }

    var knownFiles: Int { previous.count }

    /// Takes the first listing; files already there are not reported (the catch-up scan covers them).
    func start() throws(WatchError) {
        var info = stat()
        guard stat(root, &info) == 0 else { throw .rootMissing(path: root) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .rootNotADirectory(path: root) }
        rootIdentity = RootIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        previous = listing()
    }

    /// One poll: what became ready or went away since the last one. Throws `.rootGone` when the
    /// root was deleted, replaced or unmounted.
    func poll(wallClockNanos now: Int64) throws(WatchError) -> [WatchEvent] {
        try rootIdentity.verify(root)

        let current = listing()
        let quietNanos = Self.nanoseconds(configuration.quietPeriod)
        var events: [WatchEvent] = []
        for (path, stamp) in current.sorted(by: { $0.key < $1.key }) {
            if previous[path] == stamp {
                if changing.remove(path) != nil { events.append(.ready(path)) }
            } else if now - stamp.mtimeNanos >= quietNanos {
                changing.remove(path)
                events.append(.ready(path))
            } else {
                changing.insert(path)
            }
        }
        for path in previous.keys.sorted() where current[path] == nil {
            changing.remove(path)
            events.append(.removed(path))
        }
        previous = current
        return events
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }

    private func listing() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        walk("", into: &result)
        return result
    }

    private func walk(_ folder: String, into result: inout [String: Stamp]) {
        let absolute = folder.isEmpty ? root : root + "/" + folder
        guard let entries = DirectoryEntries.list(absolute) else { return }
        for (name, _) in entries {
            if configuration.isIgnoredName(name) { continue }
            let child = folder.isEmpty ? name : folder + "/" + name
            var info = stat()
            guard FileName.withPath(root + "/" + child, { lstat($0, &info) }) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, into: &result)
            case S_IFREG:
                let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                result[child] = Stamp(size: Int64(info.st_size), mtimeNanos: mtime, inode: UInt64(info.st_ino))
            default:
                continue // symlinks are not followed
            }
        }
    }
}
