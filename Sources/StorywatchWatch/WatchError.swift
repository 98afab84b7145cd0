import Glibc

/// How the watched root went away.
package enum RootLoss: String, Sendable, Hashable {
    case deleted, moved, unmounted, replaced
}

/// Why watching stopped or could not start. `description` is a sentence for the operator.
package enum WatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The root does not exist (or cannot be reached).
    case rootMissing(path: String)
    /// The root exists but is not a folder.
    case rootNotADirectory(path: String)
    /// The root was deleted, moved, replaced or unmounted while watched: the daemon must exit.
    case rootGone(path: String, how: RootLoss)
    /// A system call failed; `call` names it, `path` what it was about.
    case system(call: String, path: String?, errno: Int32)

    package var description: String {
        switch self {
        case .rootMissing(let path):
            "the corpus folder \(path) does not exist"
        case .rootNotADirectory(let path):
            "the corpus path \(path) is not a folder"
        case .rootGone(let path, .replaced):
            "the corpus path \(path) now names another folder (replaced or mounted over) than the one watched"
        case .rootGone(let path, let how):
            "the corpus folder \(path) was \(how.rawValue) while watched; exiting so that the service manager restarts storywatch once it is back"
        case .system(let call, let path, let code):
            "\(call)\(path.map { " on \($0)" } ?? "") failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}
