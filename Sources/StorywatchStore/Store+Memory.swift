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
}
