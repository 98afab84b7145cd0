import CWatchShim
import Glibc

/// How the watcher behaves. Defaults suit a corpus that receives articles by rename or close;
/// the injectable checks let tests force the polling fallback or a watch limit.
package struct WatchConfiguration: Sendable {
    /// True for names ignored until renamed (hidden and temporary files and folders). The daemon
    /// passes the scan's own rule so that the two never disagree.
    package var isIgnoredName: @Sendable (String) -> Bool
    /// A file modified without a close is ready once it has been quiet this long…
    package var quietPeriod: Duration = .seconds(2)
    /// …or once this long has passed since its first change, however busy it stays.
    package var maxWait: Duration = .seconds(30)
    /// How long a deletion or a move out waits for the same path to come back (vim's backup-rename,
    /// a rename's two halves) before it is reported.
    package var pairingWindow: Duration = .milliseconds(50)
    /// The polling period on a filesystem without inotify, and the retry period of folders whose
    /// watch could not be added.
    package var pollInterval: Duration = .seconds(10)
    /// How often the watcher re-checks that the corpus path still names the folder it watches.
    package var rootCheckInterval: Duration = .seconds(10)
    /// Events held for a slow consumer; past this they are dropped for one `.rescan(.consumerBehind)`.
    package var bufferCapacity: Int = 4096
    /// Names the filesystem of a path when it has no usable inotify (NFS, SMB, FUSE…), else nil.
    package var filesystemWithoutInotify: @Sendable (String) -> String? = Filesystem.withoutInotify(path:)
    /// inotify_add_watch(2), answering the descriptor or -1 with the errno.
    package var addWatch: @Sendable (_ fd: Int32, _ path: String, _ mask: UInt32) -> (wd: Int32, errno: Int32) = Inotify.addWatch

    /// `isIgnoredName` has no default on purpose: it must be the scan's rule.
    package init(isIgnoredName: @escaping @Sendable (String) -> Bool) {
        self.isIgnoredName = isIgnoredName
    }
}

/// statfs(2) magic numbers of filesystems where inotify misses changes made elsewhere.
package enum Filesystem {
    /// The kernel's `f_type` values (linux/magic.h, fs/smb) of network and FUSE filesystems.
    static let withoutInotify: [UInt32: String] = [
        0x6969: "nfs",
        0x517B: "smb",
        0xFF53_4D42: "cifs",
        0xFE53_4D42: "smb2",
        0x6573_5546: "fuse",
        0x0102_1997: "9p",
        0x00C3_6400: "ceph",
        0x5346_414F: "afs",
        0x7375_7245: "coda",
    ]

    /// The name of `path`'s filesystem when inotify cannot be trusted there, nil otherwise (also
    /// when statfs fails: the inotify set-up then reports the real problem).
    package static func withoutInotify(path: String) -> String? {
        let type = storywatch_filesystem_type(path)
        guard type != -1 else { return nil }
        return withoutInotify[UInt32(truncatingIfNeeded: type)]
    }
}
