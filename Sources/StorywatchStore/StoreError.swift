/// Why the state store could not be used; each case says what to do.
package enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotCreate(directory: String, reason: String)
    case notWritable(directory: String)
    case database(directory: String, reason: String)

    package var description: String {
        switch self {
        case .cannotCreate(let dir, let reason):
            "cannot create the state folder \(dir): \(reason); create it or pass --state DIR"
        case .notWritable(let dir):
            "the state folder \(dir) is not writable; fix its permissions or pass --state DIR"
        case .database(let dir, let reason):
            "cannot open the state database in \(dir): \(reason)"
        }
    }
}
