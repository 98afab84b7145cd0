import Foundation
import Glibc
import StorywatchWatch
import StorywatchTesting
import Testing

/// The watcher on real temp folders, driven the way editors, copiers and operators touch a corpus.
/// Every wait is bounded (a few seconds at most); every watcher is stopped when its test ends.
@Suite(.timeLimit(.minutes(1)))
struct DirectoryWatcherTests {
    @Test func watch_whenFileWrittenAndClosed_reportsReady() async throws {
        // Given a watched empty folder
        let folder = try TempDirectory()
        defer { folder.remove() }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When a file is written and closed
            try folder.write("a.txt")
            // Then it is reported ready
            let events = await recorder.waitUntil { $0.readyPaths.contains("a.txt") }
            #expect(events == [.ready("a.txt")])
        }
    }

    @Test func watch_whenAtomicSave_reportsOnlyTheFinalName() async throws {
        // Given a watched folder holding an article
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.write("story.txt", "Old text.\n")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When an editor writes a temp file and renames it over the article
            try folder.write(".story.txt.swp", "New text.\n")
            try folder.write("story.txt.tmp", "Newer text.\n")
            try folder.rename("story.txt.tmp", "story.txt")
            // Then only the article is reported, once, and never as removed
            let events = await recorder.waitUntil { $0.readyPaths.contains("story.txt") }
            let later = await recorder.settle()
            #expect(events == [.ready("story.txt")])
            #expect(later == [.ready("story.txt")])
        }
    }

    @Test func watch_whenFoundationWritesAtomically_reportsTheFile() async throws {
        // Given a watched folder
        let folder = try TempDirectory()
        defer { folder.remove() }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When Foundation writes with .atomic (a temp file renamed into place)
            try Data("Text.\n".utf8).write(to: URL(fileURLWithPath: folder.absolute("atomic.txt")), options: .atomic)
            // Then the file is reported ready under its own name
            let events = await recorder.waitUntil { $0.readyPaths.contains("atomic.txt") }
            #expect(events.readyPaths.contains("atomic.txt"))
            #expect(!events.removedPaths.contains("atomic.txt"))
        }
    }

    @Test func watch_whenVimBackupRename_reportsReadyAndNoRemoval() async throws {
        // Given a watched folder holding an article
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.write("notes.txt", "First version.\n")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When vim saves it: probe file, original renamed to a backup, new file written, backup deleted
            try folder.write("4913", "")
            try folder.delete("4913")
            try folder.rename("notes.txt", "notes.txt~")
            try folder.write("notes.txt", "Second version.\n")
            try folder.delete("notes.txt~")
            // Then the article is reported ready and never removed
            await recorder.waitUntil { $0.readyPaths.contains("notes.txt") }
            let events = await recorder.settle()
            #expect(events.filter { $0 == .ready("notes.txt") }.count == 1)
            #expect(!events.removedPaths.contains("notes.txt"))
            #expect(!events.readyPaths.contains("notes.txt~"))
        }
    }

    @Test func watch_whenNestedFoldersCreatedAndFilledAtOnce_reportsEveryFile() async throws {
        // Given a watched empty folder
        let folder = try TempDirectory()
        defer { folder.remove() }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When a nested tree is created and filled without pause
            var expected: Set<String> = []
            try folder.makeFolder("2026/05/01")
            for level in ["2026", "2026/05", "2026/05/01"] {
                for index in 0 ..< 20 {
                    try folder.write("\(level)/article-\(index).txt")
                    expected.insert("\(level)/article-\(index).txt")
                }
            }
            // Then every file is reported ready, however early it landed
            let events = await recorder.waitUntil { $0.readyPaths.isSuperset(of: expected) }
            #expect(events.readyPaths == expected)
        }
    }

    @Test func watch_whenFolderTreeMovedIn_reportsEveryFileAndWatchesIt() async throws {
        // Given a watched folder and a filled tree outside it
        let folder = try TempDirectory()
        let outside = try TempDirectory("outside")
        defer { folder.remove(); outside.remove() }
        try outside.makeFolder("batch/inner")
        try outside.write("batch/one.txt")
        try outside.write("batch/inner/two.txt")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When the tree is moved in, then a file is added inside it
            #expect(rename(outside.absolute("batch"), folder.absolute("batch")) == 0)
            await recorder.waitUntil { $0.readyPaths.isSuperset(of: ["batch/one.txt", "batch/inner/two.txt"]) }
            try folder.write("batch/inner/three.txt")
            // Then its files and the later one are reported
            let events = await recorder.waitUntil { $0.readyPaths.contains("batch/inner/three.txt") }
            #expect(events.readyPaths == ["batch/one.txt", "batch/inner/two.txt", "batch/inner/three.txt"])
        }
    }

    @Test func watch_whenFileMovedInThenOut_reportsReadyThenRemoved() async throws {
        // Given a watched folder and a file outside it
        let folder = try TempDirectory()
        let outside = try TempDirectory("outside")
        defer { folder.remove(); outside.remove() }
        try outside.write("wire.txt")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When the file is moved in
            #expect(rename(outside.absolute("wire.txt"), folder.absolute("wire.txt")) == 0)
            await recorder.waitUntil { $0.readyPaths.contains("wire.txt") }
            // and out again
            #expect(rename(folder.absolute("wire.txt"), outside.absolute("wire.txt")) == 0)
            // Then it is reported ready, then removed
            let events = await recorder.waitUntil { $0.removedPaths.contains("wire.txt") }
            #expect(events == [.ready("wire.txt"), .removed("wire.txt")])
        }
    }

    @Test func watch_whenFolderMovedOut_reportsRemovedAndForgetsIt() async throws {
        // Given a watched folder with a subfolder
        let folder = try TempDirectory()
        let outside = try TempDirectory("outside")
        defer { folder.remove(); outside.remove() }
        try folder.makeFolder("old")
        try folder.write("old/a.txt")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When the subfolder is moved out and then written to where it now is
            #expect(rename(folder.absolute("old"), outside.absolute("old")) == 0)
            await recorder.waitUntil { $0.removedPaths.contains("old") }
            try outside.write("old/b.txt")
            // Then the folder is reported removed and nothing is reported about its new life
            let events = await recorder.settle()
            #expect(events == [.removed("old")])
        }
    }

    @Test func watch_whenFolderRenamedInside_reportsOldRemovedAndNewFiles() async throws {
        // Given a watched folder with a filled subfolder
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.makeFolder("draft/deep")
        try folder.write("draft/deep/a.txt")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When the subfolder is renamed, then written to under its new name
            try folder.rename("draft", "final")
            await recorder.waitUntil { $0.removedPaths.contains("draft") }
            try folder.write("final/deep/b.txt")
            // Then the old name is removed and files are reported under the new one
            let events = await recorder.waitUntil { $0.readyPaths.contains("final/deep/b.txt") }
            #expect(events.removedPaths == ["draft"])
            #expect(events.readyPaths == ["final/deep/a.txt", "final/deep/b.txt"])
        }
    }

    @Test func watch_whenFileDeleted_reportsRemoved() async throws {
        // Given a watched folder holding a file
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.write("gone.txt")
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When it is deleted
            try folder.delete("gone.txt")
            // Then it is reported removed
            let events = await recorder.waitUntil { !$0.isEmpty }
            #expect(events == [.removed("gone.txt")])
        }
    }

    @Test func watch_whenHiddenTemporaryOrSymlinkedNames_reportsNothing() async throws {
        // Given a watched folder
        let folder = try TempDirectory()
        defer { folder.remove() }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When only hidden, temporary and symlinked entries appear
            for name in [".hidden", "draft~", "a.swp", "b.part", "c.tmp", "#autosave#"] {
                try folder.write(name)
            }
            try folder.makeFolder(".git")
            try folder.write(".git/objects.txt")
            #expect(symlink("/etc/hostname", folder.absolute("link.txt")) == 0)
            // Then nothing is reported
            let events = await recorder.settle()
            #expect(events.isEmpty)
        }
    }

    @Test func watch_whenModifiedWithoutClose_reportsReadyAfterQuietPeriod() async throws {
        // Given a watched folder and a quiet period of 200 ms
        let folder = try TempDirectory()
        defer { folder.remove() }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When a writer appends and keeps the file open
            let fd = open(folder.absolute("live.txt"), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            #expect(fd >= 0)
            defer { close(fd) }
            let bytes = Array("Update 1.\n".utf8)
            #expect(write(fd, bytes, bytes.count) == bytes.count)
            // Then the file is reported once it has been quiet (that nothing comes before the quiet
            // period is checked with simulated time in tick_whenModifiedWithoutClose_waitsForQuietPeriod)
            let events = await recorder.waitUntil { $0.readyPaths.contains("live.txt") }
            #expect(events == [.ready("live.txt")])
        }
    }

    @Test func watch_whenRootDeleted_throwsRootGone() async throws {
        // Given a watched folder
        let folder = try TempDirectory()
        defer { folder.remove() }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When the folder itself is deleted
            folder.remove()
            // Then the events end with rootGone
            let failure = await recorder.waitForFailure()
            #expect(failure as? WatchError == .rootGone(path: folder.path, how: .deleted))
        }
    }

    @Test func watch_whenRootMovedAway_throwsRootGone() async throws {
        // Given a watched folder
        let folder = try TempDirectory()
        defer { folder.remove(); try? FileManager.default.removeItem(atPath: folder.path + "-moved") }
        try await withRecordingWatcher(root: folder.path) { recorder in
            // When the folder is renamed
            #expect(rename(folder.path, folder.path + "-moved") == 0)
            // Then the events end with rootGone
            let failure = await recorder.waitForFailure()
            #expect(failure as? WatchError == .rootGone(path: folder.path, how: .moved))
        }
    }

    @Test func watch_whenRootMissing_throwsBeforeWatching() async throws {
        // Given a path that does not exist
        let watcher = DirectoryWatcher(root: "/nonexistent/storywatch-\(UUID().uuidString)",
                                       configuration: testConfiguration(), logger: testLogger)
        // When watching it, Then it throws rootMissing and the body never runs
        await #expect(throws: WatchError.self) {
            try await watcher.watch { _ in Issue.record("the body ran") }
        }
    }

    @Test func watch_whenFilesystemHasNoInotify_pollsAtTheInterval() async throws {
        // Given a folder whose filesystem is reported as NFS, polled every 100 ms
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.write("before.txt")
        let configuration = testConfiguration {
            $0.filesystemWithoutInotify = { _ in "nfs" }
            $0.quietPeriod = .milliseconds(50)
        }
        try await withRecordingWatcher(root: folder.path, configuration: configuration) { recorder in
            // When a file is added and another deleted
            try folder.makeFolder("sub")
            try folder.write("sub/new.txt")
            try folder.delete("before.txt")
            // Then polling reports both
            let events = await recorder.waitUntil { $0.readyPaths.contains("sub/new.txt") && !$0.removedPaths.isEmpty }
            #expect(events.readyPaths == ["sub/new.txt"])
            #expect(events.removedPaths == ["before.txt"])
        }
    }

    @Test func watch_whenPolledRootDeleted_throwsRootGone() async throws {
        // Given a polled folder
        let folder = try TempDirectory()
        defer { folder.remove() }
        let configuration = testConfiguration { $0.filesystemWithoutInotify = { _ in "fuse" } }
        try await withRecordingWatcher(root: folder.path, configuration: configuration) { recorder in
            // When it is deleted
            folder.remove()
            // Then the events end with rootGone
            let failure = await recorder.waitForFailure()
            #expect(failure as? WatchError == .rootGone(path: folder.path, how: .deleted))
        }
    }

    @Test func watch_whenWatchLimitReached_requestsRescanAndRetries() async throws {
        // Given a folder where adding a watch on "full" fails with ENOSPC
        let folder = try TempDirectory()
        defer { folder.remove() }
        try folder.makeFolder("full")
        let configuration = testConfiguration {
            $0.addWatch = { fd, path, mask in
                path.hasSuffix("/full") ? (-1, ENOSPC) : Inotify.addWatch(fd: fd, path: path, mask: mask)
            }
        }
        try await withRecordingWatcher(root: folder.path, configuration: configuration) { recorder in
            // When watching starts, Then a rescan is requested at once and again every poll interval
            let events = await recorder.waitUntil { $0.rescans.count >= 2 }
            #expect(events.rescans.first == .watchLimit("full"))
            #expect(events.rescans.dropFirst().first == .unwatchedFolders(1))
        }
    }

    @Test func watch_whenConsumerFallsBehind_dropsQueueForOneRescan() async throws {
        // Given a watcher whose hand-off holds 4 events
        let folder = try TempDirectory()
        defer { folder.remove() }
        let configuration = testConfiguration { $0.bufferCapacity = 4 }
        let watcher = DirectoryWatcher(root: folder.path, configuration: configuration, logger: testLogger)
        try await watcher.watch { events in
            // When 20 files arrive while nobody reads
            for index in 0 ..< 20 { try folder.write("f\(index).txt") }
            try await Task.sleep(for: .milliseconds(300))
            // Then the next event is one rescan, and the sequence goes on after it
            var iterator = events.makeAsyncIterator()
            #expect(try await iterator.next() == .rescan(.consumerBehind))
            try folder.write("after.txt")
            var next = try await iterator.next()
            while case .ready(let path) = next, path != "after.txt" { next = try await iterator.next() }
            #expect(next == .ready("after.txt"))
        }
    }
}
