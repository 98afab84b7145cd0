import GRDB

/// The schema, as named migrations in literal SQL. Never edit a shipped migration: add one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-items") { db in
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
                """)
        }
        migrator.registerMigration("v2-storylines-developments-outbox") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN layout TEXT NOT NULL DEFAULT 'article';
                CREATE TABLE storyline (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    actors TEXT NOT NULL,
                    last_date TEXT,
                    state BLOB NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE TABLE development (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    storyline_id TEXT NOT NULL,
                    document TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    alert BLOB NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE INDEX development_storyline ON development(storyline_id);
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    development_id TEXT NOT NULL REFERENCES development(id),
                    webhook TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    created_at REAL NOT NULL,
                    last_status INTEGER,
                    last_error TEXT,
                    UNIQUE(development_id, webhook)
                );
                CREATE INDEX outbox_due ON outbox(state, webhook, next_attempt_at);
                CREATE TABLE delivery (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
                    attempted_at REAL NOT NULL,
                    status INTEGER,
                    error TEXT,
                    duration_ms REAL
                );
                CREATE INDEX delivery_outbox ON delivery(outbox_id);
                """)
        }
        migrator.registerMigration("v3-storyline-keys") { db in
            // Storylines written before this version are keyed by country roots only: the
            // service files them under today's keys once (`pendingStorylineRekey`).
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO meta (key, value) VALUES ('storyline_keys', 'pending');
                """)
        }
        migrator.registerMigration("v4-mute-heartbeat") { db in
            // `storywatch mute`: a muted storyline's developments are recorded but queue no
            // outbox rows (until the day `until`, inclusive, or for good when it is null).
            // The daemon's heartbeat (`status`: alive or not) is a meta row it rewrites.
            try db.execute(sql: """
                CREATE TABLE mute (
                    storyline_id TEXT PRIMARY KEY NOT NULL,
                    until TEXT,
                    created_at REAL NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO meta (key, value) VALUES ('heartbeat', '');
                """)
        }
        return migrator
    }
}
