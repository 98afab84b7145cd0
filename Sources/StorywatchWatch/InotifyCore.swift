import StorywatchModel
import Glibc
import Logging

/// The watcher's bookkeeping, owned by its thread: one watch per folder, files settling after
/// writes without a close, folder moves waiting for their other half, deletions waiting to see
/// whether the path comes back. Feed it decoded events and clock ticks; take what it emits.
/// Not Sendable: exactly one thread uses it.
final class InotifyCore {
    let root: String
    let fd: Int32
    let configuration: WatchConfiguration
    let logger: Logger

    /// wd → folder relative to the root ("" is the root itself), and back.
    private(set) var folders: [Int32: String] = [:]
    private var descriptors: [String: Int32] = [:]
    private var rootDescriptor: Int32 = -1
    /// Files written or created without a close yet: first and latest change.
    private var settling: [String: (first: ContinuousClock.Instant, last: ContinuousClock.Instant)] = [:]
    /// Deleted or moved-away paths, reported when their deadline passes unless the path comes back.
    private var removals: [String: ContinuousClock.Instant] = [:]
    /// Folders moved away (IN_MOVED_FROM) by cookie, waiting for IN_MOVED_TO inside the tree.
    private var folderMoves: [UInt32: (path: String, deadline: ContinuousClock.Instant)] = [:]
    /// Folders whose watch could not be added (watch limit), retried every poll interval.
    private(set) var unwatched: Set<String> = []
    private var nextRetry: ContinuousClock.Instant?
    private var limitWarned = false
    private var rootIdentity: RootIdentity?
    /// When `checkRoot` next looks at the corpus path (a timer of its own: `nextDeadline` is nil when idle).
    private(set) var nextRootCheck: ContinuousClock.Instant?
    private var output: [WatchEvent] = []
    private var readyInOutput: Set<String> = []

    init(root: String, fd: Int32, configuration: WatchConfiguration, logger: Logger) {
        self.root = root
        self.fd = fd
        self.configuration = configuration
        self.logger = logger
    }

    /// Number of folders with a watch.
    var watchedFolders: Int { descriptors.count }

    /// Watches the root, then every folder under it. Files already there are not reported (the
    /// catch-up scan covers them). Throws when the root cannot be watched.
    func start(now: ContinuousClock.Instant) throws(WatchError) {
        let (wd, code) = configuration.addWatch(fd, root, Inotify.rootMask)
        guard wd >= 0 else {
            if code == ENOENT { throw .rootMissing(path: root) }
            if code == ENOTDIR { throw .rootNotADirectory(path: root) }
            throw .system(call: "inotify_add_watch", path: root, errno: code)
        }
        rootDescriptor = wd
        rootIdentity = RootIdentity.of(root)
        nextRootCheck = now + configuration.rootCheckInterval
        folders[wd] = ""
        descriptors[""] = wd
        listFolder("", reportFiles: false, now: now)
    }

    /// The next instant at which `tick` has something to do; nil when idle (no timer at all).
    var nextDeadline: ContinuousClock.Instant? {
        var earliest = nextRetry
        func consider(_ instant: ContinuousClock.Instant) {
            if earliest.map({ instant < $0 }) ?? true { earliest = instant }
        }
        for (_, move) in folderMoves { consider(move.deadline) }
        for (_, deadline) in removals { consider(deadline) }
        for (_, times) in settling { consider(settleDeadline(times)) }
        return earliest
    }

    /// What was emitted since the last call, in order.
    func takeOutput() -> [WatchEvent] {
        defer {
            output.removeAll(keepingCapacity: true)
            readyInOutput.removeAll(keepingCapacity: true)
        }
        return output
    }

    // MARK: Events

    /// Applies one read's worth of events. Throws `.rootGone` when the root itself goes away.
    func handle(_ events: [InotifyEvent], now: ContinuousClock.Instant) throws(WatchError) {
        for event in events {
            try handle(event, now: now)
        }
    }

    private func handle(_ event: InotifyEvent, now: ContinuousClock.Instant) throws(WatchError) {
        if event.has(Inotify.queueOverflow) {
            overflow(now: now)
            return
        }
        guard let folder = folders[event.wd] else { return } // a watch already forgotten
        if event.wd == rootDescriptor {
            if event.has(Inotify.deleteSelf) { throw .rootGone(path: root, how: .deleted) }
            if event.has(Inotify.moveSelf) { throw .rootGone(path: root, how: .moved) }
            if event.has(Inotify.unmount) { throw .rootGone(path: root, how: .unmounted) }
            if event.has(Inotify.ignored) { throw .rootGone(path: root, how: .deleted) }
        }
        if event.has(Inotify.ignored) {
            forget(wd: event.wd)
            return
        }
        if event.has(Inotify.unmount) {
            // A filesystem mounted inside the tree went away: its files left with it.
            removals[folder] = now + configuration.pairingWindow
            return
        }
        // The folder's own deletion or move is reported by its parent under its name.
        guard !event.name.isEmpty, !configuration.isIgnoredName(event.name) else { return }
        let path = folder.isEmpty ? event.name : folder + "/" + event.name
        let isFolder = event.has(Inotify.isDirectory)

        if event.has(Inotify.create) {
            removals[path] = nil
            if isFolder {
                // Files may land before the watch exists: watch first, then list.
                listFolder(path, reportFiles: true, now: now)
            } else {
                // Normally a close follows; a hard link or mknod never closes, so it settles.
                settling[path] = settling[path] ?? (now, now)
            }
        }
        if event.has(Inotify.modify), !isFolder {
            settling[path] = (settling[path]?.first ?? now, now)
        }
        if event.has(Inotify.closeWrite) {
            settling[path] = nil
            emitReady(path)
        }
        if event.has(Inotify.movedFrom) {
            settling[path] = nil
            if isFolder {
                folderMoves[event.cookie] = (path, now + configuration.pairingWindow)
            } else {
                removals[path] = now + configuration.pairingWindow
            }
        }
        if event.has(Inotify.movedTo) {
            removals[path] = nil
            settling[path] = nil
            if isFolder {
                if let from = folderMoves.removeValue(forKey: event.cookie) {
                    // A rename inside the tree: the watches follow the inodes, only paths change.
                    renameSubtree(from: from.path, to: path)
                    removals[from.path] = now // report the old path at once
                }
                listFolder(path, reportFiles: true, now: now)
            } else {
                emitReady(path)
            }
        }
        if event.has(Inotify.delete) {
            settling[path] = nil
            if isFolder { forgetSubtree(path, removeWatches: false) } // the kernel drops them itself
            removals[path] = now + configuration.pairingWindow
        }
    }

    /// Expires deadlines: moves out of the tree, deletions, settled files, watch retries.
    /// Throws `.rootGone` when the corpus path no longer names the watched folder; checks at most
    /// once per `rootCheckInterval`.
    func checkRoot(now: ContinuousClock.Instant) throws(WatchError) {
        guard let identity = rootIdentity, let due = nextRootCheck, now >= due else { return }
        nextRootCheck = now + configuration.rootCheckInterval
        try identity.verify(root)
    }

    func tick(now: ContinuousClock.Instant) {
        for (cookie, move) in folderMoves where move.deadline <= now {
            // No IN_MOVED_TO came: the folder left the tree (or became hidden). Stop watching it.
            folderMoves[cookie] = nil
            forgetSubtree(move.path, removeWatches: true)
            removals[move.path] = now
        }
        for (path, deadline) in removals.sorted(by: { $0.key < $1.key }) where deadline <= now {
            removals[path] = nil
            output.append(.removed(path))
        }
        for (path, times) in settling.sorted(by: { $0.key < $1.key }) where settleDeadline(times) <= now {
            settling[path] = nil
            emitReady(path)
        }
        if let retry = nextRetry, retry <= now {
            retryUnwatched(now: now)
        }
    }

    /// Handles a lost-events condition directly (also what IN_Q_OVERFLOW does): re-adds a watch
    /// on every folder, forgets those gone, drops pending work and asks for a rescan.
    func overflow(now: ContinuousClock.Instant) {
        logger.warning("inotify queue overflowed, events were lost; a full rescan follows",
                       metadata: ["corpus": "\(root)"])
        settling.removeAll()
        removals.removeAll()
        folderMoves.removeAll()
        var seen: Set<String> = []
        listFolder("", reportFiles: false, now: now, visited: &seen)
        for (folder, wd) in descriptors where !seen.contains(folder) && !folder.isEmpty {
            inotify_rm_watch(fd, wd)
            forget(wd: wd)
        }
        emitRescan(.queueOverflow)
    }

    // MARK: Folders

    private func listFolder(_ folder: String, reportFiles: Bool, now: ContinuousClock.Instant) {
        var visited: Set<String> = []
        listFolder(folder, reportFiles: reportFiles, now: now, visited: &visited)
    }

    /// Adds a watch on `folder` (unless it is the root, already watched) and then lists it,
    /// recursing into subfolders; files are reported when `reportFiles`.
    private func listFolder(_ folder: String, reportFiles: Bool, now: ContinuousClock.Instant,
                            visited: inout Set<String>) {
        if !folder.isEmpty {
            switch addWatch(folder, now: now) {
            case .watched, .limit: break // at the limit, list anyway: its files are still reported
            case .gone: return
            }
        }
        visited.insert(folder)
        let absolute = folder.isEmpty ? root : root + "/" + folder
        guard let entries = DirectoryEntries.list(absolute) else { return }
        for (name, type) in entries {
            if configuration.isIgnoredName(name) { continue }
            let child = folder.isEmpty ? name : folder + "/" + name
            var kind = type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard FileName.withPath(root + "/" + child, { lstat($0, &info) }) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0)
            }
            if kind == UInt8(DT_DIR) {
                listFolder(child, reportFiles: reportFiles, now: now, visited: &visited)
            } else if kind == UInt8(DT_REG), reportFiles {
                emitReady(child)
            }
        }
    }

    private enum AddResult { case watched, limit, gone }

    /// `retrying`: a periodic retry, which reports its own rescan rather than a new limit episode.
    private func addWatch(_ folder: String, now: ContinuousClock.Instant, retrying: Bool = false) -> AddResult {
        let absolute = root + "/" + folder
        let (wd, code) = configuration.addWatch(fd, absolute, Inotify.folderMask)
        if wd >= 0 {
            if let previous = folders[wd], previous != folder, descriptors[previous] == wd {
                descriptors[previous] = nil
            }
            folders[wd] = folder
            descriptors[folder] = wd
            unwatched.remove(folder)
            return .watched
        }
        switch code {
        case ENOSPC, ENOMEM:
            unwatched.insert(folder)
            if nextRetry == nil { nextRetry = now + configuration.pollInterval }
            if !limitWarned {
                limitWarned = true
                logger.warning("cannot watch a folder: the inotify watch limit (fs.inotify.max_user_watches) is reached; a full rescan follows and repeats until it can be watched",
                               metadata: ["corpus": "\(root)", "folder": "\(folder)"])
            }
            if !retrying { emitRescan(.watchLimit(folder)) }
            return .limit
        case ENOENT, ENOTDIR:
            return .gone // removed or replaced since it was seen
        default:
            logger.warning("cannot watch a folder; its files are only seen by rescans",
                           metadata: ["folder": "\(folder)",
                                      "error": "\(WatchError.system(call: "inotify_add_watch", path: absolute, errno: code))"])
            return .gone
        }
    }

    private func retryUnwatched(now: ContinuousClock.Instant) {
        nextRetry = nil
        limitWarned = true // one warning per episode is enough
        for folder in unwatched.sorted() {
            var isFolder = stat()
            guard FileName.withPath(root + "/" + folder, { lstat($0, &isFolder) }) == 0, (isFolder.st_mode & S_IFMT) == S_IFDIR else {
                unwatched.remove(folder)
                continue
            }
            _ = addWatch(folder, now: now, retrying: true)
        }
        if unwatched.isEmpty {
            limitWarned = false
            logger.notice("every folder is watched again", metadata: ["corpus": "\(root)"])
            emitRescan(.unwatchedFolders(0))
        } else {
            emitRescan(.unwatchedFolders(unwatched.count))
            nextRetry = now + configuration.pollInterval
        }
    }

    private func renameSubtree(from old: String, to new: String) {
        for (folder, wd) in descriptors where folder == old || folder.hasPrefix(old + "/") {
            let moved = new + folder.dropFirst(old.count)
            descriptors[folder] = nil
            descriptors[moved] = wd
            folders[wd] = moved
        }
        for folder in unwatched where folder == old || folder.hasPrefix(old + "/") {
            unwatched.remove(folder)
            unwatched.insert(new + folder.dropFirst(old.count))
        }
    }

    private func forgetSubtree(_ old: String, removeWatches: Bool) {
        for (folder, wd) in descriptors where folder == old || folder.hasPrefix(old + "/") {
            if removeWatches { inotify_rm_watch(fd, wd) }
            forget(wd: wd)
        }
        for path in settling.keys where path.hasPrefix(old + "/") { settling[path] = nil }
        unwatched = unwatched.filter { $0 != old && !$0.hasPrefix(old + "/") }
    }

    private func forget(wd: Int32) {
        if let folder = folders.removeValue(forKey: wd), descriptors[folder] == wd {
            descriptors[folder] = nil
        }
    }

    // MARK: Output

    private func settleDeadline(_ times: (first: ContinuousClock.Instant, last: ContinuousClock.Instant))
        -> ContinuousClock.Instant {
        min(times.last + configuration.quietPeriod, times.first + configuration.maxWait)
    }

    /// Reports a file once per batch, and only if it is (still) a regular file: symlinks are not
    /// followed and a file already gone (an editor's probe file) is not worth a warning later.
    private func emitReady(_ path: String) {
        guard !readyInOutput.contains(path) else { return }
        var info = stat()
        guard FileName.withPath(root + "/" + path, { lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        readyInOutput.insert(path)
        output.append(.ready(path))
    }

    private func emitRescan(_ reason: RescanReason) {
        if output.contains(where: { if case .rescan = $0 { true } else { false } }) { return }
        output.append(.rescan(reason))
        if rootIdentity != nil { nextRootCheck = .now } // a rescan re-checks the corpus path too
    }
}
