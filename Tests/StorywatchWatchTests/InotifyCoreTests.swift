import Foundation
import Glibc
@testable import StorywatchWatch
import StorywatchTesting
import Testing

/// The watcher's bookkeeping driven directly: synthetic events and instants, no thread, no sleep.
struct InotifyCoreTests {
    /// A core on a real inotify descriptor over `folder`, started at `start`.
    private func makeCore(_ folder: TempDirectory, start: ContinuousClock.Instant,
                          _ adjust: (inout WatchConfiguration) -> Void = { _ in }) throws -> (InotifyCore, Int32) {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        #expect(fd >= 0)
        let core = InotifyCore(root: folder.path, fd: fd, configuration: testConfiguration(adjust), logger: testLogger)
        try core.start(now: start)
        return (core, fd)
    }

    private func rootDescriptor(_ core: InotifyCore) -> Int32 {
        core.folders.first { $0.value.isEmpty }?.key ?? -1
    }

    @Test func handle_whenQueueOverflows_watchesMissedFoldersAndRequestsRescan() throws {
        // Given a started core, and a folder created whose IN_CREATE was lost in the overflow
        let folder = try TempDirectory()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let (core, fd) = try makeCore(folder, start: start)
        defer { close(fd) }
        try folder.makeFolder("late/inner")
        // When IN_Q_OVERFLOW arrives (wd -1)
        try core.handle([InotifyEvent(wd: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: "")], now: start)
        // Then one rescan is requested and the missed folders are watched
        #expect(core.takeOutput() == [.rescan(.queueOverflow)])
        #expect(Set(core.folders.values) == ["", "late", "late/inner"])
    }

    @Test func tick_whenModifiedWithoutClose_waitsForQuietPeriod() throws {
        // Given a core with a 200 ms quiet period and a file being appended to
        let folder = try TempDirectory()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let (core, fd) = try makeCore(folder, start: start)
        defer { close(fd) }
        try folder.write("live.txt")
        let modify = InotifyEvent(wd: rootDescriptor(core), mask: UInt32(IN_MODIFY), cookie: 0, name: "live.txt")
        try core.handle([modify], now: start)
        // When 150 ms pass, Then nothing; when 200 ms pass, Then it is ready
        core.tick(now: start + .milliseconds(150))
        #expect(core.takeOutput().isEmpty)
        #expect(core.nextDeadline == start + .milliseconds(200))
        core.tick(now: start + .milliseconds(200))
        #expect(core.takeOutput() == [.ready("live.txt")])
        #expect(core.nextDeadline == nil)
    }

    @Test func tick_whenModifiedContinuously_reportsReadyAtMaxWait() throws {
        // Given a core with a 2 s maximum wait and a file modified every 100 ms
        let folder = try TempDirectory()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let (core, fd) = try makeCore(folder, start: start)
        defer { close(fd) }
        try folder.write("busy.txt")
        let modify = InotifyEvent(wd: rootDescriptor(core), mask: UInt32(IN_MODIFY), cookie: 0, name: "busy.txt")
        var now = start
        var reported: [WatchEvent] = []
        // When it keeps changing for 3 s
        while now < start + .seconds(3) && reported.isEmpty {
            try core.handle([modify], now: now)
            now += .milliseconds(100)
            core.tick(now: now)
            reported = core.takeOutput()
        }
        // Then it is reported once the maximum wait is up, not before
        #expect(reported == [.ready("busy.txt")])
        #expect(now == start + .seconds(2))
    }

    @Test func handle_whenCloseWriteFollowsModify_reportsOnceAndStopsSettling() throws {
        // Given a core and a file modified then closed
        let folder = try TempDirectory()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let (core, fd) = try makeCore(folder, start: start)
        defer { close(fd) }
        try folder.write("done.txt")
        let wd = rootDescriptor(core)
        // When both events arrive in one batch
        try core.handle([InotifyEvent(wd: wd, mask: UInt32(IN_MODIFY), cookie: 0, name: "done.txt"),
                         InotifyEvent(wd: wd, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "done.txt")], now: start)
        // Then it is ready once, with no timer left
        #expect(core.takeOutput() == [.ready("done.txt")])
        #expect(core.nextDeadline == nil)
    }

    @Test func handle_whenDeletedThenCreatedWithinWindow_reportsNoRemoval() throws {
        // Given a core with a 50 ms pairing window
        let folder = try TempDirectory()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let (core, fd) = try makeCore(folder, start: start)
        defer { close(fd) }
        try folder.write("same.txt")
        let wd = rootDescriptor(core)
        // When the path is deleted and written again 10 ms later
        try core.handle([InotifyEvent(wd: wd, mask: UInt32(IN_DELETE), cookie: 0, name: "same.txt")], now: start)
        try core.handle([InotifyEvent(wd: wd, mask: UInt32(IN_CREATE), cookie: 0, name: "same.txt"),
                         InotifyEvent(wd: wd, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "same.txt")],
                        now: start + .milliseconds(10))
        core.tick(now: start + .seconds(1))
        // Then only ready is reported
        #expect(core.takeOutput() == [.ready("same.txt")])
    }

    @Test func handle_whenRootDeleteSelf_throwsRootGone() throws {
        // Given a started core
        let folder = try TempDirectory()
        defer { folder.remove() }
        let (core, fd) = try makeCore(folder, start: .now)
        defer { close(fd) }
        // When the root reports IN_DELETE_SELF, Then rootGone(.deleted) is thrown
        #expect(throws: WatchError.rootGone(path: folder.path, how: .deleted)) {
            try core.handle([InotifyEvent(wd: rootDescriptor(core), mask: UInt32(IN_DELETE_SELF), cookie: 0, name: "")],
                            now: .now)
        }
    }

    @Test func start_whenWatchLimitReached_listsAnywayAndRetriesEveryPollInterval() throws {
        // Given a folder with a subfolder whose watch fails with ENOSPC
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.makeFolder("full")
        let start = ContinuousClock.now
        // When the core starts
        let (core, fd) = try makeCore(folder, start: start) {
            $0.addWatch = { fd, path, mask in
                path.hasSuffix("/full") ? (-1, ENOSPC) : Inotify.addWatch(fd: fd, path: path, mask: mask)
            }
        }
        defer { close(fd) }
        // Then a rescan is requested, the folder is remembered, and retried after the poll interval
        #expect(core.takeOutput() == [.rescan(.watchLimit("full"))])
        #expect(core.unwatched == ["full"])
        #expect(core.nextDeadline == start + .milliseconds(100))
        core.tick(now: start + .milliseconds(100))
        #expect(core.takeOutput() == [.rescan(.unwatchedFolders(1))])
    }

    @Test func checkRoot_whenCorpusPathNamesAnotherFolder_throwsReplacedOnlyOnceDue() throws {
        // Given a core over a folder that is then renamed away and replaced by a new one (the old
        // one still exists, as when a shell holds it open: inotify says nothing of the path)
        let folder = try TempDirectory()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let (core, fd) = try makeCore(folder, start: start) { $0.rootCheckInterval = .seconds(10) }
        defer { close(fd) }
        #expect(core.nextDeadline == nil)
        #expect(core.nextRootCheck == start + .seconds(10))
        let old = folder.path + ".old"
        try FileManager.default.moveItem(atPath: folder.path, toPath: old)
        defer { try? FileManager.default.removeItem(atPath: old) }
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: false)

        // When checked before the interval, then nothing; when due, then `.replaced`
        try core.checkRoot(now: start + .seconds(9))
        #expect(throws: WatchError.rootGone(path: folder.path, how: .replaced)) { try core.checkRoot(now: start + .seconds(10)) }

        // And with nothing at the path, `.deleted`
        try FileManager.default.removeItem(atPath: folder.path)
        #expect(throws: WatchError.rootGone(path: folder.path, how: .deleted)) { try core.checkRoot(now: start + .seconds(20)) }
    }
}

struct InotifyDecodeTests {
    @Test func decode_whenTwoRecordsWithPaddedNames_readsBoth() {
        // Given two records as the kernel lays them out (16-byte header, NUL-padded name)
        var bytes: [UInt8] = []
        func append(wd: Int32, mask: UInt32, cookie: UInt32, name: String, padded: Int) {
            withUnsafeBytes(of: wd.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt32(padded).littleEndian) { bytes += $0 }
            bytes += Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
        }
        append(wd: 1, mask: UInt32(IN_MOVED_FROM), cookie: 7, name: "a.txt", padded: 16)
        append(wd: 2, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: "", padded: 0)
        // When decoded
        let events = bytes.withUnsafeBytes { Inotify.decode($0) }
        // Then both come out with their names
        #expect(events == [InotifyEvent(wd: 1, mask: UInt32(IN_MOVED_FROM), cookie: 7, name: "a.txt"),
                           InotifyEvent(wd: 2, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: "")])
    }
}

struct EventBufferTests {
    @Test func push_whenRescanQueued_dropsQueueAndComesFirst() async throws {
        // Given a buffer holding two readies
        let buffer = EventBuffer(capacity: 10)
        buffer.push(.ready("a"))
        buffer.push(.ready("b"))
        // When a rescan is pushed, then another ready
        buffer.push(.rescan(.queueOverflow))
        buffer.push(.ready("c"))
        buffer.finish(.success(()))
        // Then the rescan comes alone (it covers everything) and the sequence ends
        #expect(try await buffer.next() == .rescan(.queueOverflow))
        #expect(try await buffer.next() == nil)
    }

    @Test func next_whenTaskCancelled_returnsNil() async throws {
        // Given an empty buffer and a task waiting on it
        let buffer = EventBuffer(capacity: 10)
        let waiting = Task { try await buffer.next() }
        try await Task.sleep(for: .milliseconds(20))
        // When the task is cancelled, Then it gets nil
        waiting.cancel()
        #expect(try await waiting.value == nil)
    }
}

struct PollingCoreTests {
    @Test func poll_whenFileChangesThenHoldsStill_reportsItOnceStable() throws {
        // Given a polling core on a folder (quiet period far longer than the test)
        let folder = try TempDirectory()
        defer { folder.remove() }
        let core = PollingCore(root: folder.path, configuration: testConfiguration { $0.quietPeriod = .seconds(3600) })
        try core.start()
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        // When a file appears, Then the first poll only notes it, the second reports it
        try folder.write("new.txt")
        #expect(try core.poll(wallClockNanos: now).isEmpty)
        #expect(try core.poll(wallClockNanos: now) == [.ready("new.txt")])
        #expect(try core.poll(wallClockNanos: now).isEmpty)
        // When it is deleted, Then the next poll reports it removed
        try folder.delete("new.txt")
        #expect(try core.poll(wallClockNanos: now) == [.removed("new.txt")])
    }
}
