import Glibc

/// The device and inode the corpus path named when watching began. Re-checked every
/// `WatchConfiguration.rootCheckInterval` (and each poll): `rm -rf corpus; mkdir corpus` while
/// a shell holds the old folder open, or a filesystem mounted over the path, sends no inotify
/// event at all, and the watches would follow a dead folder.
struct RootIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    /// What `path` names now; nil when it is missing or not a folder.
    static func of(_ path: String) -> RootIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return RootIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Throws `.rootGone` when `path` no longer names this folder: `.deleted` when nothing (or no
    /// folder) is there, `.replaced` when another folder is.
    func verify(_ path: String) throws(WatchError) {
        guard let now = Self.of(path) else { throw .rootGone(path: path, how: .deleted) }
        if now != self { throw .rootGone(path: path, how: .replaced) }
    }
}
