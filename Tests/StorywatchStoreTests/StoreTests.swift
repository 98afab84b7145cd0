import Foundation
import GRDB
import StorywatchModel
import StorywatchStore
import Testing

struct StoreTests {
    // MARK: Fixtures

    private static let article = StoredDocument(path: "2026/port-strike.txt", size: 412, mtimeNanos: 1_776_000_000_000_000_000,
                                                inode: 9_001, hash: "aa11")
    private static let items = [
        Item(kind: .paragraph, position: 0, headline: "Port strike ends", text: "Dock workers returned to work on Friday.",
             date: Day(year: 2026, month: 4, day: 18)),
        Item(kind: .paragraph, position: 1, text: "The operator said ships would sail again from Saturday."),
    ]

    private static func development(id: String = "dev-1") -> Development {
        let union = Actor(code: "JPNLAB", name: "the union")
        let company = Actor(code: "JPNBUS", name: "the port operator")
        let event = Event(source: union, target: company, type: .agree, mode: "settle", status: .done,
                          date: Day(year: 2026, month: 4, day: 18), document: article.path,
                          quote: "Dock workers agreed to end the strike.")
        return Development(id: id, kind: .deEscalation, summary: "The union agreed to end the strike",
                           storyline: StorylineRef(id: "JPN-JPN", title: "JPN – JPN", actors: ["JPN"]),
                           event: event, previous: nil)
    }

    private static func commit(document: StoredDocument = article, newItems: [Item] = items,
                               storylines: [StoredStoryline] = [],
                               developments: [(development: Development, alert: Data, webhooks: [String])] = [])
        -> DocumentCommit {
        DocumentCommit(document: document, layout: "wire", newItems: newItems, storylines: storylines,
                       developments: developments)
    }

    private static func tableNames(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
    }

    // MARK: Migrations

    @Test func init_whenDatabaseIsEmpty_appliesAllMigrations() throws {
        // Given an empty in-memory database
        let queue = try DatabaseQueue()

        // When a store opens it
        let store = try Store(writer: queue)

        // Then every migration is applied and their tables exist
        #expect(try store.appliedMigrations() == ["v1-documents-items", "v2-storylines-developments-outbox", "v3-storyline-keys",
                                                 "v4-mute-heartbeat"])
        let tables = try queue.read { db in try Self.tableNames(db) }
        #expect(tables.isSuperset(of: ["document", "item", "seen_item", "storyline", "development", "outbox", "delivery"]))
    }

    @Test func init_whenDatabaseHasV1Schema_migratesAndKeepsRows() throws {
        // Given a database written by the first release: the v1 tables, its migration recorded, one document
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    path TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    seen_at REAL NOT NULL
                );
                CREATE TABLE item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    document_path TEXT NOT NULL REFERENCES document(path) ON DELETE CASCADE,
                    hash TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    date TEXT,
                    headline TEXT,
                    text TEXT NOT NULL
                );
                CREATE INDEX item_document ON item(document_path);
                CREATE TABLE seen_item (
                    hash TEXT PRIMARY KEY NOT NULL,
                    first_document TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations (identifier) VALUES ('v1-documents-items');
                INSERT INTO document (path, size, mtime_ns, inode, hash, seen_at)
                    VALUES ('old/brief.txt', 120, 1700000000000000000, 77, 'beef', 1700000000.0);
                INSERT INTO seen_item (hash, first_document) VALUES ('h-old', 'old/brief.txt');
                """)
        }

        // When the current store opens it
        let store = try Store(writer: queue)

        // Then v2 is applied on top, the old rows survive, and the new tables and column exist
        #expect(try store.appliedMigrations() == ["v1-documents-items", "v2-storylines-developments-outbox", "v3-storyline-keys",
                                                 "v4-mute-heartbeat"])
        #expect(try store.document(path: "old/brief.txt")
            == StoredDocument(path: "old/brief.txt", size: 120, mtimeNanos: 1_700_000_000_000_000_000, inode: 77, hash: "beef"))
        #expect(try store.unseenHashes(["h-old"]).isEmpty)
        let tables = try queue.read { db in try Self.tableNames(db) }
        #expect(tables.isSuperset(of: ["storyline", "development", "outbox", "delivery"]))
        let layout = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT layout FROM document WHERE path = 'old/brief.txt'")
        }
        #expect(layout == "article")
    }

    // MARK: Documents and items

    @Test func commit_whenNewDocument_writesDocumentItemsAndSeenHashes() throws {
        // Given an empty store
        let store = try Store(writer: DatabaseQueue())

        // When a document and its two items are committed
        try store.commit(Self.commit(), allItems: Self.items)

        // Then the document, its items in order, and their hashes are stored
        #expect(try store.document(path: Self.article.path) == Self.article)
        #expect(try store.allDocuments() == [Self.article.path: Self.article])
        #expect(try store.items(documentPath: Self.article.path) == Self.items)
        #expect(try store.unseenHashes(Self.items.map(\.hash)).isEmpty)
    }

    @Test func unseenHashes_whenSomeAreNew_reportsOnlyNewOnes() throws {
        // Given a store that has seen two items
        let store = try Store(writer: DatabaseQueue())
        try store.commit(Self.commit(), allItems: Self.items)
        let fresh = Item(kind: .paragraph, position: 2, text: "Talks on a new contract begin next month.")

        // When it is asked about the old hashes and a new one
        let unseen = try store.unseenHashes(Self.items.map(\.hash) + [fresh.hash])

        // Then only the new hash is unseen
        #expect(unseen == [fresh.hash])
    }

    @Test func commit_whenSameDocumentAgain_replacesItsItems() throws {
        // Given a stored document with two items
        let store = try Store(writer: DatabaseQueue())
        try store.commit(Self.commit(), allItems: Self.items)

        // When the document is committed again with one item and a new stamp
        var changed = Self.article
        changed.size = 99
        changed.hash = "bb22"
        try store.commit(Self.commit(document: changed, newItems: []), allItems: [Self.items[1]])

        // Then it holds only its current item and stamp, and the dropped item stays seen
        #expect(try store.items(documentPath: changed.path).map(\.hash) == [Self.items[1].hash])
        #expect(try store.document(path: changed.path) == changed)
        #expect(try store.unseenHashes([Self.items[0].hash]).isEmpty)
    }

    @Test func removeDocument_whenItemsWereSeen_keepsThemSeen() throws {
        // Given a stored document
        let store = try Store(writer: DatabaseQueue())
        try store.commit(Self.commit(), allItems: Self.items)

        // When the file is removed
        try store.removeDocument(path: Self.article.path)

        // Then the document and its items are gone but a re-added copy would not be news
        #expect(try store.document(path: Self.article.path) == nil)
        #expect(try store.counts().items == 0)
        #expect(try store.unseenHashes(Self.items.map(\.hash)).isEmpty)
    }

    @Test func updateStamp_whenFileTouched_recordsNewStamp() throws {
        // Given a stored document
        let store = try Store(writer: DatabaseQueue())
        try store.commit(Self.commit(), allItems: Self.items)

        // When its mtime and inode change but not its content
        var touched = Self.article
        touched.mtimeNanos += 5_000_000_000
        touched.inode = 9_002
        try store.updateStamp(touched)

        // Then the new stamp is stored
        #expect(try store.document(path: touched.path) == touched)
    }

    @Test func commit_whenInodeIsAboveInt64Max_readsItBack() throws {
        // Given a file on a file system with 64-bit unsigned inode numbers
        let store = try Store(writer: DatabaseQueue())
        var document = Self.article
        document.inode = UInt64(Int64.max) + 42

        // When it is committed
        try store.commit(Self.commit(document: document), allItems: Self.items)

        // Then the inode reads back unchanged
        #expect(try store.document(path: document.path)?.inode == UInt64(Int64.max) + 42)
    }

    // MARK: Developments and outbox

    @Test func commit_whenDevelopmentCommittedTwice_queuesOutboxRowsOnce() throws {
        // Given a development for two webhooks, committed once
        let store = try Store(writer: DatabaseQueue())
        let record = (development: Self.development(), alert: Data("{}".utf8), webhooks: ["ops", "desk"])
        try store.commit(Self.commit(developments: [record]), allItems: Self.items)

        // When the same development is committed again, from a syndicated copy
        var copy = Self.article
        copy.path = "mirror/port-strike.txt"
        try store.commit(Self.commit(document: copy, newItems: [], developments: [record]), allItems: Self.items)

        // Then it is recorded once and each webhook has one outbox row
        let counts = try store.counts()
        #expect(counts.developments == 1)
        #expect(counts.outboxPending == 2)
        #expect(try store.developmentExists(id: "dev-1"))
        #expect(try !store.developmentExists(id: "dev-2"))
    }

    @Test func commit_whenStoryline_storesItForTheNextDocument() throws {
        // Given a storyline's state
        let store = try Store(writer: DatabaseQueue())
        let storyline = StoredStoryline(id: "JPN-JPN", title: "JPN – JPN", actors: ["JPN", "KOR"], lastDate: "2026-04-18",
                                        state: Data([1, 2, 3]))

        // When it is committed, then updated by a second commit
        try store.commit(Self.commit(storylines: [storyline]), allItems: Self.items)
        var later = storyline
        later.lastDate = "2026-04-19"
        later.state = Data([4])
        try store.commit(Self.commit(newItems: [], storylines: [later]), allItems: Self.items)

        // Then the latest state is read back
        let stored = try #require(try store.storyline(id: "JPN-JPN"))
        #expect(stored.actors == ["JPN", "KOR"])
        #expect(stored.lastDate == "2026-04-19")
        #expect(stored.state == Data([4]))
        #expect(try store.storyline(id: "USA-RUS") == nil)
    }

    @Test func counts_whenStoreHasRows_countsEachKind() throws {
        // Given two documents, one storyline, two developments (one for one webhook, one for none)
        let store = try Store(writer: DatabaseQueue())
        let storyline = StoredStoryline(id: "JPN-JPN", title: "JPN – JPN", actors: ["JPN"], lastDate: nil, state: Data())
        try store.commit(Self.commit(storylines: [storyline],
                                     developments: [(Self.development(id: "dev-1"), Data("{}".utf8), ["ops"])]),
                         allItems: Self.items)
        var second = Self.article
        second.path = "2026/port-talks.txt"
        let extra = Item(kind: .paragraph, position: 0, text: "Talks on a new contract begin next month.")
        try store.commit(Self.commit(document: second, newItems: [extra],
                                     developments: [(Self.development(id: "dev-2"), Data("{}".utf8), [])]),
                         allItems: [extra])

        // When the store is counted
        let counts = try store.counts()

        // Then each count matches
        #expect(counts.documents == 2)
        #expect(counts.items == 3)
        #expect(counts.storylines == 1)
        #expect(counts.developments == 2)
        #expect(counts.outboxPending == 1)
        #expect(counts.outboxDead == 0)
    }

    // MARK: On disk

    @Test func open_whenDirectoryIsNew_createsDatabaseInWALMode() throws {
        // Given a state folder that does not exist yet
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let directory = parent + "/state"

        // When the store is opened there and a document committed
        let store = try Store.open(directory: directory)
        try store.commit(Self.commit(), allItems: Self.items)

        // Then state.sqlite exists in WAL mode and a second connection sees the document
        #expect(FileManager.default.fileExists(atPath: directory + "/state.sqlite"))
        let other = try DatabaseQueue(path: directory + "/state.sqlite")
        #expect(try other.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") } == 1)
    }

    @Test func checkpoint_whenLogHoldsCommits_movesThemIntoTheDatabase() throws {
        // Given a store whose write-ahead log holds a committed document
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(directory: directory)
        try store.commit(Self.commit(), allItems: Self.items)
        func logSize() throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: directory + "/state.sqlite-wal")[.size] as? Int) ?? -1
        }
        #expect(try logSize() > 0)

        // When the quiet-time checkpoint runs
        store.checkpoint()

        // Then the log is emptied and the document is still there
        #expect(try logSize() == 0)
        #expect(try store.document(path: Self.article.path) == Self.article)
    }

    @Test func open_whenReopened_keepsStateAndMigrations() throws {
        // Given a state folder with one committed document
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Store.open(directory: directory).commit(Self.commit(), allItems: Self.items)

        // When it is opened again
        let store = try Store.open(directory: directory)

        // Then the document is still there and no migration is applied twice
        #expect(try store.document(path: Self.article.path) == Self.article)
        #expect(try store.appliedMigrations().count == 4)
    }

    @Test func open_whenPathIsUnderRegularFile_throwsStoreError() throws {
        // Given a state path below a regular file, which no one can create
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: parent + "/file", contents: Data("x".utf8)))
        let directory = parent + "/file/state"

        // When the store is opened there
        let error = #expect(throws: StoreError.self) {
            try Store.open(directory: directory)
        }

        // Then the error names the folder
        #expect(error?.description.contains(directory) == true)
    }
}

/// The one-time rekey of storylines an earlier version filed under other keys.
struct StorylineRekeyStoreTests {
    @Test func replaceStorylines_whenRekeyPending_replacesEveryRowAndMarksItDone() throws {
        let store = try Store(writer: try DatabaseQueue())
        try store.commit(DocumentCommit(document: StoredDocument(path: "a.txt", size: 1, mtimeNanos: 1, inode: 1, hash: "h"),
                                        layout: "article", newItems: [],
                                        storylines: [StoredStoryline(id: "BLR", title: "BLR", actors: ["BLR"], lastDate: nil, state: Data([1]))],
                                        developments: []), allItems: [])
        #expect(try store.pendingStorylineRekey())

        try store.replaceStorylines(with: [StoredStoryline(id: "BLR-BLRREB", title: "BLR – BLRREB", actors: ["BLR", "BLRREB"],
                                                           lastDate: "2030-03-04", state: Data([2]))])

        #expect(try store.pendingStorylineRekey() == false)
        #expect(try store.allStorylines().map(\.id) == ["BLR-BLRREB"])
        #expect(try store.storyline(id: "BLR") == nil)
    }
}
