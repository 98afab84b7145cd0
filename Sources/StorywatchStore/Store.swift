import Foundation
import GRDB
import StorywatchModel

/// What the store remembers about a document file.
package struct StoredDocument: Sendable, Hashable {
    package var path: String
    package var size: Int64
    package var mtimeNanos: Int64
    package var inode: UInt64
    package var hash: String

    package init(path: String, size: Int64, mtimeNanos: Int64, inode: UInt64, hash: String) {
        self.path = path
        self.size = size
        self.mtimeNanos = mtimeNanos
        self.inode = inode
        self.hash = hash
    }
}

/// A storyline's persisted state: opaque bytes owned by the track stage.
package struct StoredStoryline: Sendable {
    package var id: String
    package var title: String
    package var actors: [String]
    package var lastDate: String?
    package var state: Data

    package init(id: String, title: String, actors: [String], lastDate: String?, state: Data) {
        self.id = id
        self.title = title
        self.actors = actors
        self.lastDate = lastDate
        self.state = state
    }
}

/// Everything one document's processing changes, written in one transaction.
package struct DocumentCommit: Sendable {
    package var document: StoredDocument
    package var layout: String
    /// Items seen for the first time in this document (new to the whole store).
    package var newItems: [Item]
    package var storylines: [StoredStoryline]
    /// Developments with their serialized alert and the webhooks that must receive them.
    package var developments: [(development: Development, alert: Data, webhooks: [String])]

    package init(document: StoredDocument, layout: String, newItems: [Item], storylines: [StoredStoryline],
                 developments: [(development: Development, alert: Data, webhooks: [String])]) {
        self.document = document
        self.layout = layout
        self.newItems = newItems
        self.storylines = storylines
        self.developments = developments
    }
}

/// Counts for `storywatch status`.
package struct StoreCounts: Sendable, Equatable {
    package var documents: Int
    package var items: Int
    package var storylines: Int
    package var developments: Int
    package var outboxPending: Int
    package var outboxDead: Int
}

/// The state store: one façade over one GRDB writer (design §1, style §2 "one database façade").
package struct Store: Sendable {
    let writer: any DatabaseWriter

    /// Wraps an open writer (an in-memory `DatabaseQueue` in tests) and migrates it.
    package init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Migrations.migrator.migrate(writer)
    }

    /// Opens (creating if needed) `state.sqlite` in `directory`, in WAL mode, migrated.
    package static func open(directory: String) throws(StoreError) -> Store {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(directory: directory, reason: error.localizedDescription)
        }
        guard FileManager.default.isWritableFile(atPath: directory) else { throw .notWritable(directory: directory) }
        try refuseForeignFile(directory + "/state.sqlite")
        do {
            var config = Configuration()
            config.busyMode = .timeout(10)
            // A commit that triggers a checkpoint waits for its fsync: with SQLite's default of
            // 1,000 pages, one article in a hundred paid it (rename → webhook p99, issue #6).
            // The daemon checkpoints when quiet (`checkpoint()`); this bound only caps the WAL
            // (about 40 MB) under load that never pauses.
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
            }
            let pool = try DatabasePool(path: directory + "/state.sqlite", configuration: config)
            try refuseForeignSchema(pool, path: directory + "/state.sqlite")
            return try Store(writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(directory: directory, reason: "\(error)")
        }
    }

    /// A file that exists must be a SQLite database: an empty, zeroed or foreign file is refused,
    /// never taken for a new store (that would send every past alert again).
    private static func refuseForeignFile(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return } // absent: a new store
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        if header.isEmpty && walSize == 0 { throw .notAStore(path: path, reason: "the file is empty") }
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
            throw .notAStore(path: path, reason: header.allSatisfy { $0 == 0 } ? "it starts with zeros" : "no SQLite header")
        }
    }

    /// A SQLite file with tables must have storywatch's migration table.
    private static func refuseForeignSchema(_ pool: DatabasePool, path: String) throws {
        let tables = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        }
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw StoreError.notAStore(path: path, reason: "it holds other tables: \(tables.prefix(3).joined(separator: ", "))")
        }
    }

    /// Throws `StoreError.damaged` naming `directory`'s database when `quick_check` finds damage.
    package func verifyIntegrity(directory: String) throws {
        let problems = try integrityProblems()
        if !problems.isEmpty { throw StoreError.damaged(path: directory + "/state.sqlite", problems: problems) }
    }

    /// `PRAGMA quick_check`'s findings; empty when the database is sound. Damage bad enough to
    /// stop the check itself is a finding too.
    package func integrityProblems() throws -> [String] {
        do {
            let rows = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            return rows == ["ok"] ? [] : rows
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            return [error.message ?? "\(error.resultCode)"]
        }
    }

    /// The applied migrations, oldest first.
    package func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    // MARK: Documents and items

    package func document(path: String) throws -> StoredDocument? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT path, size, mtime_ns, inode, hash FROM document WHERE path = ?",
                             arguments: [path]).map(Self.storedDocument)
        }
    }

    /// All known documents by path: one query for a whole pass instead of one per file.
    package func allDocuments() throws -> [String: StoredDocument] {
        try writer.read { db in
            var result: [String: StoredDocument] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, inode, hash FROM document")
            while let row = try rows.next() {
                let doc = Self.storedDocument(row)
                result[doc.path] = doc
            }
            return result
        }
    }

    /// Records a new stamp for a file whose content did not change (touched, copied in place).
    package func updateStamp(_ document: StoredDocument) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE document SET size = ?, mtime_ns = ?, inode = ? WHERE path = ?",
                           arguments: [document.size, document.mtimeNanos, Int64(bitPattern: document.inode), document.path])
        }
    }

    /// Forgets a deleted file; its items stay seen so a re-added copy is not news.
    package func removeDocument(path: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM document WHERE path = ?", arguments: [path])
        }
    }

    /// The hashes among `hashes` that no document has shown yet.
    package func unseenHashes(_ hashes: [String]) throws -> Set<String> {
        try writer.read { db in
            var unseen = Set<String>()
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM seen_item WHERE hash = ?")
            for hash in hashes where try Bool.fetchOne(statement, arguments: [hash]) == nil {
                unseen.insert(hash)
            }
            return unseen
        }
    }

    /// The stored items of a document in file order (the context for resolving new ones).
    package func items(documentPath: String) throws -> [Item] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, position, headline, text, date FROM item WHERE document_path = ? ORDER BY position
                """, arguments: [documentPath]).map { row in
                Item(kind: ItemKind(rawValue: row["kind"]) ?? .paragraph, position: row["position"],
                     headline: row["headline"], text: row["text"], date: (row["date"] as String?).flatMap(Day.init(iso:)))
            }
        }
    }

    // MARK: Storylines and developments

    package func storyline(id: String) throws -> StoredStoryline? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, title, actors, last_date, state FROM storyline WHERE id = ?",
                             arguments: [id]).map(Self.storyline)
        }
    }

    /// Storylines are still filed under an earlier version's keys (set by migration v3).
    package func pendingStorylineRekey() throws -> Bool {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'storyline_keys'") == "pending"
        }
    }

    /// Every stored storyline, in id order.
    package func allStorylines() throws -> [StoredStoryline] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title, actors, last_date, state FROM storyline ORDER BY id").map(Self.storyline)
        }
    }

    /// Replaces every stored storyline with `storylines` and marks the rekey done, in one
    /// transaction; developments and their ids are left as they are.
    package func replaceStorylines(with storylines: [StoredStoryline], now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM storyline")
            for s in storylines {
                try db.execute(sql: """
                    INSERT INTO storyline (id, title, actors, last_date, state, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [s.id, s.title, s.actors.joined(separator: ","), s.lastDate, s.state,
                                     now.timeIntervalSince1970])
            }
            try db.execute(sql: "UPDATE meta SET value = 'done' WHERE key = 'storyline_keys'")
        }
    }

    private static func storyline(_ row: Row) -> StoredStoryline {
        let actorsText: String = row["actors"]
        return StoredStoryline(id: row["id"], title: row["title"], actors: actorsText.split(separator: ",").map(String.init),
                               lastDate: row["last_date"], state: row["state"])
    }

    package func developmentExists(id: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM development WHERE id = ?", arguments: [id]) ?? false
        }
    }

    /// Writes everything one document changed in a single transaction (design §4: a development
    /// and its outbox rows commit together). Items are replaced: the document now holds exactly
    /// the items of its current text.
    package func commit(_ change: DocumentCommit, allItems: [Item], now: Date = Date()) throws {
        try writer.write { db in
            let d = change.document
            try db.execute(sql: """
                INSERT INTO document (path, size, mtime_ns, inode, hash, seen_at, layout) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,
                  inode = excluded.inode, hash = excluded.hash, seen_at = excluded.seen_at, layout = excluded.layout
                """, arguments: [d.path, d.size, d.mtimeNanos, Int64(bitPattern: d.inode), d.hash,
                                 now.timeIntervalSince1970, change.layout])
            try db.execute(sql: "DELETE FROM item WHERE document_path = ?", arguments: [d.path])
            let insertItem = try db.cachedStatement(sql: """
                INSERT INTO item (document_path, hash, position, kind, date, headline, text) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for item in allItems {
                try insertItem.execute(arguments: [d.path, item.hash, item.position, item.kind.rawValue,
                                                   item.date?.description, item.headline, item.text])
            }
            let insertSeen = try db.cachedStatement(sql: "INSERT OR IGNORE INTO seen_item (hash, first_document) VALUES (?, ?)")
            for item in change.newItems {
                try insertSeen.execute(arguments: [item.hash, d.path])
            }
            for s in change.storylines {
                try db.execute(sql: """
                    INSERT INTO storyline (id, title, actors, last_date, state, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET title = excluded.title, actors = excluded.actors,
                      last_date = excluded.last_date, state = excluded.state, updated_at = excluded.updated_at
                    """, arguments: [s.id, s.title, s.actors.joined(separator: ","), s.lastDate, s.state,
                                     now.timeIntervalSince1970])
            }
            for (development, alert, webhooks) in change.developments {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO development (id, kind, storyline_id, document, summary, alert, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [development.id, development.kind.rawValue, development.storyline.id,
                                     development.event.document, development.summary, alert, now.timeIntervalSince1970])
                guard db.changesCount > 0 else { continue } // already recorded: never queue twice
                guard try !Self.isMuted(db, storylineID: development.storyline.id, on: Day(now)) else { continue }
                for webhook in webhooks {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO outbox (development_id, webhook, next_attempt_at, created_at) VALUES (?, ?, ?, ?)
                        """, arguments: [development.id, webhook, now.timeIntervalSince1970, now.timeIntervalSince1970])
                }
            }
        }
    }

    // MARK: Status

    package func counts() throws -> StoreCounts {
        try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return StoreCounts(
                documents: try count("SELECT COUNT(*) FROM document"),
                items: try count("SELECT COUNT(*) FROM item"),
                storylines: try count("SELECT COUNT(*) FROM storyline"),
                developments: try count("SELECT COUNT(*) FROM development"),
                outboxPending: try count("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"),
                outboxDead: try count("SELECT COUNT(*) FROM outbox WHERE state = 'dead'"))
        }
    }

    private static func storedDocument(_ row: Row) -> StoredDocument {
        let inode: Int64 = row["inode"]
        return StoredDocument(path: row["path"], size: row["size"], mtimeNanos: row["mtime_ns"],
                              inode: UInt64(bitPattern: inode), hash: row["hash"])
    }
}
