/// What the watcher tells its consumer. Paths are relative to the watched root, '/'-separated.
package enum WatchEvent: Sendable, Hashable, CustomStringConvertible {
    /// A regular file under the root is complete: written and closed, renamed in, listed in a new
    /// folder, or settled after writes without a close. Process it (it may be unchanged).
    case ready(String)
    /// A file or folder left the tree (deleted, moved out, renamed away). For a folder, everything
    /// under `path + "/"` went with it.
    case removed(String)
    /// Events were lost or some folders cannot be watched: compare the whole tree with the index.
    case rescan(RescanReason)

    package var description: String {
        switch self {
        case .ready(let path): "ready \(path)"
        case .removed(let path): "removed \(path)"
        case .rescan(let reason): "rescan (\(reason))"
        }
    }
}

/// Why a full rescan is needed.
package enum RescanReason: Sendable, Hashable, CustomStringConvertible {
    /// The kernel's inotify queue overflowed (IN_Q_OVERFLOW): events were dropped.
    case queueOverflow
    /// A folder (relative path) could not be watched: fs.inotify.max_user_watches is reached.
    case watchLimit(String)
    /// Some folders still have no watch; repeated every poll interval until they have one.
    case unwatchedFolders(Int)
    /// The consumer fell behind the bounded hand-off and queued events were dropped.
    case consumerBehind

    package var description: String {
        switch self {
        case .queueOverflow: "the kernel's inotify queue overflowed"
        case .watchLimit(let path): "no inotify watch could be added for \(path.isEmpty ? "the root" : path) (fs.inotify.max_user_watches reached)"
        case .unwatchedFolders(let count): "\(count) folder(s) still have no inotify watch"
        case .consumerBehind: "the pipeline fell behind the watcher"
        }
    }
}
