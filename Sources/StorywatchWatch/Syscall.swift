import Glibc

/// The one place system calls go through: retries EINTR, turns -1 into `WatchError.system`.
enum Syscall {
    /// Runs `body` until it does not fail with EINTR; throws with the call's name and errno on -1.
    @discardableResult
    static func call<T: FixedWidthInteger>(_ name: String, path: String? = nil,
                                           _ body: () -> T) throws(WatchError) -> T {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw .system(call: name, path: path, errno: code)
        }
    }

    /// As `call`, but answers nil for EAGAIN (a non-blocking descriptor with nothing to read).
    static func callUnlessWouldBlock<T: FixedWidthInteger>(_ name: String, path: String? = nil,
                                                           _ body: () -> T) throws(WatchError) -> T? {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return nil }
            throw .system(call: name, path: path, errno: code)
        }
    }
}
