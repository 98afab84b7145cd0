import GRDB

extension Store {
    /// Frees SQLite's page and statement caches and closes the idle reader connections; the next
    /// access reopens what it needs. An idle daemon keeps none of what a catch-up scan cached
    /// (issue #6: idle RSS). Waits for accesses in progress.
    package func releaseMemory() {
        if let pool = writer as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = writer as? DatabaseQueue {
            queue.releaseMemory()
        }
    }

    /// Copies the write-ahead log into the database and truncates it: done when quiet, so no
    /// article waits for a checkpoint's fsync. A failure (a reader holding the log) is retried
    /// at the next quiet spell.
    package func checkpoint() {
        guard let pool = writer as? DatabasePool else { return }
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}
