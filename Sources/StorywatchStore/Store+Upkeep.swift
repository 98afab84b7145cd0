import Foundation
import GRDB

/// State upkeep: pruning what is no longer needed, copying the state while in use.
extension Store {
    /// Deletes delivered outbox rows whose last attempt is older than `cutoff`, with their
    /// attempts; pending and dead rows are kept whatever their age. Returns how many went.
    /// Developments stay, so nothing pruned is ever alerted again.
    @discardableResult
    package func pruneDelivered(before cutoff: Date) throws -> Int {
        try writer.write { db in
            try db.execute(sql: """
                DELETE FROM outbox WHERE state = 'delivered' AND id IN (
                    SELECT outbox_id FROM delivery GROUP BY outbox_id HAVING MAX(attempted_at) < ?)
                """, arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Copies the state to a new file at `path` with SQLite's online backup: consistent while the
    /// daemon keeps writing. Refuses to overwrite an existing file.
    package func backup(to path: String) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .backupFailed(path: path, reason: "the file exists; give a new file name")
        }
        do {
            let copy = try DatabaseQueue(path: path)
            try writer.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw .backupFailed(path: path, reason: "\(error)")
        }
    }
}

extension StoreError {
    /// `.diskFull` when `error` is SQLite's "database or disk is full" (or an I/O error with no
    /// space left), with the space free now; nil for any other error.
    package static func diskFull(_ error: any Error, directory: String) -> StoreError? {
        guard let database = error as? DatabaseError else { return nil }
        var info = statvfs()
        let free = statvfs(directory, &info) == 0 ? Int64(info.f_bavail) * Int64(info.f_frsize) : nil
        let full = database.resultCode == .SQLITE_FULL || (database.resultCode == .SQLITE_IOERR && (free ?? 0) < 1_048_576)
        return full ? .diskFull(path: directory + "/state.sqlite", free: free) : nil
    }

    /// `.damaged` when `error` is SQLite finding the file malformed; nil for any other error.
    package static func corruption(_ error: any Error, directory: String) -> StoreError? {
        guard let database = error as? DatabaseError,
              database.resultCode == .SQLITE_CORRUPT || database.resultCode == .SQLITE_NOTADB else { return nil }
        return .damaged(path: directory + "/state.sqlite", problems: [database.message ?? "\(database.resultCode)"])
    }
}
