import Foundation
import GRDB
import StorywatchStore
import Testing

/// A state file that is not a storywatch store is refused, never re-initialised; one deliverer
/// holds a state folder at a time.
struct StoreIntegrityTests {
    private static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-integrity-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func refusal(_ directory: String) -> String? {
        do {
            _ = try Store.open(directory: directory)
            return nil
        } catch {
            if case .notAStore = error { return error.description }
            return "another error: \(error)"
        }
    }

    @Test(arguments: [Data(), Data(count: 65_536), Data("#!/bin/sh\necho not a database\n".utf8)])
    func open_whenStateFileIsEmptyZeroedOrForeign_refusesItAndLeavesItUntouched(content: Data) throws {
        // Given a state.sqlite that is empty, zeroed or another kind of file
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state.sqlite"
        try content.write(to: URL(fileURLWithPath: path))

        // When it is opened
        let message = Self.refusal(directory)

        // Then it is refused with one message naming the file and what to do, and left as it was
        #expect(message?.hasPrefix(path + " is not a storywatch state database") == true, "\(message ?? "opened")")
        #expect(message?.contains("storywatch backup") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test func open_whenStateFileIsAnotherSQLiteDatabase_refusesIt() throws {
        // Given another program's SQLite database
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DatabaseQueue(path: directory + "/state.sqlite").write { db in
            try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        }

        // When it is opened, then it is refused naming a table it holds
        #expect(Self.refusal(directory)?.contains("invoices") == true)
    }

    @Test func open_whenStoreIsSound_quickCheckFindsNothing() throws {
        // Given a new store, written once and reopened
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Store.open(directory: directory)
        let store = try Store.open(directory: directory)

        // Then quick_check passes
        #expect(try store.integrityProblems().isEmpty)
        try store.verifyIntegrity(directory: directory)
    }

    @Test func open_whenAPageIsOverwritten_quickCheckReportsDamage() throws {
        // Given a store with data whose index pages are overwritten in the middle of the file
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state.sqlite"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "CREATE TABLE filler (k TEXT PRIMARY KEY, v TEXT)")
            for i in 0..<2_000 { try db.execute(sql: "INSERT INTO filler VALUES (?, ?)", arguments: ["key-\(i)", "value \(i)"]) }
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4_096 * 4_096 + 100)
        try handle.write(contentsOf: Data(repeating: 0x5a, count: 2_000))
        try handle.close()

        // When the store checks itself
        let damage: [String]
        do {
            damage = try Store.open(directory: directory).integrityProblems()
        } catch {
            damage = ["\(error)"] // damage found while migrating is found too
        }

        // Then damage is reported
        #expect(!damage.isEmpty)
    }

    @Test func lock_whenHeld_secondAcquireFailsNamingTheHolder_andFreesOnRelease() throws {
        // Given a state folder whose lock this process holds
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var first: StateLock? = try StateLock.acquire(directory: directory)

        // When it is taken again (another open file description, as another process would)
        var message = ""
        do { _ = try StateLock.acquire(directory: directory) } catch { message = error.description }

        // Then it fails naming this process and exits 75; once released it can be taken
        #expect(message.contains("pid \(getpid())"), "\(message)")
        #expect(StoreError.locked(path: "", holder: "").exitStatus == 75)
        #expect(first != nil)
        first = nil
        #expect(throws: Never.self) { _ = try StateLock.acquire(directory: directory) }
    }
}
