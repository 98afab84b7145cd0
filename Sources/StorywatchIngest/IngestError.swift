/// Why a file was skipped. Each case says what the operator can do about it.
package enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case binary(path: String)
    case empty(path: String)
    case tooLarge(path: String, size: Int64, limit: Int64)
    case vanished(path: String)
    case unreadable(path: String, reason: String)

    package var path: String {
        switch self {
        case .binary(let p), .empty(let p), .vanished(let p): p
        case .tooLarge(let p, _, _), .unreadable(let p, _): p
        }
    }

    package var description: String {
        switch self {
        case .binary(let p):
            "skipped \(p): binary content (NUL bytes); only text articles are read"
        case .empty(let p):
            "skipped \(p): empty file; it is read again when it changes"
        case .tooLarge(let p, let size, let limit):
            "skipped \(p): \(size) bytes is over max_file_bytes (\(limit)); raise the limit in the config to read it"
        case .vanished(let p):
            "skipped \(p): the file disappeared while it was read"
        case .unreadable(let p, let reason):
            "skipped \(p): cannot be read (\(reason)); check its permissions"
        }
    }
}
