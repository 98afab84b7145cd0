/// Why the state store could not be used; each case says what to do.
package enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotCreate(directory: String, reason: String)
    case notWritable(directory: String)
    case database(directory: String, reason: String)
    /// Another process delivers from this state (`run` or `deliver`).
    case locked(path: String, holder: String)
    /// The file is there but is not a storywatch store; never re-initialised.
    case notAStore(path: String, reason: String)
    /// `PRAGMA quick_check` found damage.
    case damaged(path: String, problems: [String])
    /// `storywatch backup` could not write its copy.
    case backupFailed(path: String, reason: String)
    /// The disk holding the state is full: `free` bytes left.
    case diskFull(path: String, free: Int64?)

    package var description: String {
        switch self {
        case .cannotCreate(let dir, let reason):
            "cannot create the state folder \(dir): \(reason); create it or pass --state DIR"
        case .notWritable(let dir):
            "the state folder \(dir) is not writable; fix its permissions or pass --state DIR"
        case .database(let dir, let reason):
            "cannot open the state database in \(dir): \(reason)"
        case .locked(let path, let holder):
            "another storywatch process\(holder.isEmpty ? "" : " (pid \(holder))") delivers from this state (\(path) is locked): "
                + "the daemon delivers its own alerts; stop it first, or use another --state"
        case .notAStore(let path, let reason):
            "\(path) is not a storywatch state database (\(reason)); it was left untouched: move it aside and restore "
                + "a copy made with `storywatch backup`, or remove it to start afresh (past alerts would then be sent again)"
        case .damaged(let path, let problems):
            "\(path) is damaged (quick_check: \(problems.prefix(3).joined(separator: "; "))); stop storywatch and restore "
                + "a copy made with `storywatch backup`, or run sqlite3's .recover into a new file"
        case .backupFailed(let path, let reason):
            "cannot back the state up to \(path): \(reason)"
        case .diskFull(let path, let free):
            "the disk holding \(path) is full (\(free.map { "\($0 / 1_048_576) MiB" } ?? "unknown") free); free some space, "
                + "storywatch retries"
        }
    }

    /// The exit status a command ends with: 75 (EX_TEMPFAIL) when another process holds the
    /// state, else 2.
    package var exitStatus: Int32 {
        if case .locked = self { return 75 }
        return 2
    }
}
