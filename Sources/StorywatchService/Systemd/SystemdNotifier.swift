import CDispatch // NIO in the graph (the [http] listener): Glibc's C structs resolve to the copies CDispatch carries
import Glibc
import Logging
import ServiceLifecycle

/// Why a notification could not be sent. The daemon logs it and goes on: systemd notices a
/// missing READY=1 or WATCHDOG=1 by itself.
package enum NotifyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// $NOTIFY_SOCKET is not a path or an '@' abstract name that fits a sockaddr_un.
    case unsupportedAddress(String)
    case system(call: String, errno: Int32)

    package var description: String {
        switch self {
        case .unsupportedAddress(let address):
            "NOTIFY_SOCKET=\(address) is neither an absolute path nor an abstract '@' name of at most 107 bytes"
        case .system(let call, let code):
            "sd_notify \(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}

/// The sd_notify(3) protocol spoken directly: one datagram per message to $NOTIFY_SOCKET (a path,
/// or an abstract socket written with a leading '@'), no libsystemd. As a `Service` it is the
/// watchdog: WATCHDOG=1 every half WATCHDOG_USEC while the daemon makes progress, until
/// graceful shutdown, then STOPPING=1.
package struct SystemdNotifier: Sendable {
    /// $NOTIFY_SOCKET as given.
    package let address: String
    /// WATCHDOG_USEC, when set and meant for this process (WATCHDOG_PID absent or ours).
    package let watchdogInterval: Duration?
    /// What the watchdog reads; the daemon's loops mark their units of work in it.
    package var progress = WorkProgress()
    /// Where the watchdog says it stops pinging.
    package var logger = Logger(label: "storywatch") { _ in SwiftLogNoOpLogHandler() }
    /// The watchdog's wait between pings; tests step it.
    package var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    /// Nil when $NOTIFY_SOCKET is unset or empty (not started by systemd with Type=notify).
    package init?(environment: [String: String], pid: Int32 = getpid()) {
        guard let address = environment["NOTIFY_SOCKET"], !address.isEmpty else { return nil }
        self.address = address
        var interval: Duration?
        if let text = environment["WATCHDOG_USEC"], let usec = Int64(text), usec > 0 {
            let forUs = environment["WATCHDOG_PID"].map { Int32($0) == pid } ?? true
            if forUs { interval = .microseconds(usec) }
        }
        watchdogInterval = interval
    }

    /// READY=1 with a first STATUS= line: the catch-up scan is done, the daemon is serving.
    package func ready(status text: String) throws(NotifyError) {
        try send("READY=1\nSTATUS=\(Self.oneLine(text))")
    }

    /// STATUS=, shown by `systemctl status`.
    package func status(_ text: String) throws(NotifyError) {
        try send("STATUS=\(Self.oneLine(text))")
    }

    /// WATCHDOG=1: the main loop is alive.
    package func watchdog() throws(NotifyError) {
        try send("WATCHDOG=1")
    }

    /// RELOADING=1 with MONOTONIC_USEC (systemd ≥ 253 requires it; older ones ignore it). Send
    /// READY=1 again when the reload is done.
    package func reloading(status text: String = "reloading the configuration") throws(NotifyError) {
        try send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())\nSTATUS=\(Self.oneLine(text))")
    }

    /// STOPPING=1: shutdown has begun.
    package func stopping(status text: String = "stopping") throws(NotifyError) {
        try send("STOPPING=1\nSTATUS=\(Self.oneLine(text))")
    }

    /// Sends newline-separated assignments in one datagram.
    package func send(_ message: String) throws(NotifyError) {
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        var name = Array(address.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        if abstract {
            name[0] = 0 // the abstract namespace starts with a NUL byte and has no terminator
        } else {
            guard name.first == UInt8(ascii: "/") else { throw .unsupportedAddress(address) }
            name.append(0)
        }
        guard name.count <= capacity else { throw .unsupportedAddress(address) }
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: name)
        }
        let length = socklen_t(pathOffset + name.count - (abstract ? 0 : 1))

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system(call: "socket", errno: errno) }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        while true {
            let sent = withUnsafePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    sendto(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL), address, length)
                }
            }
            if sent >= 0 { return }
            let code = errno
            if code != EINTR { throw .system(call: "sendto", errno: code) }
        }
    }

    /// CLOCK_MONOTONIC in microseconds, the clock systemd compares MONOTONIC_USEC with.
    package static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// A STATUS= value must not contain a newline (it would start a new assignment).
    static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}

extension SystemdNotifier: Service {
    /// The one watchdog: every half WATCHDOG_USEC it pings, unless a unit of work of `progress`
    /// has run longer than that (a scan stuck on a hung read, a store that does not answer);
    /// then systemd, missing the pings, restarts the daemon. Runs until graceful shutdown or
    /// cancellation, then sends STOPPING=1. Without a watchdog it just waits. Send failures are
    /// ignored here: a missed ping is what the watchdog is for.
    package func run() async throws {
        if let interval = watchdogInterval {
            let notifier = self
            try? await cancelWhenGracefulShutdown {
                var stuck = false
                while !Task.isCancelled {
                    let running = notifier.progress.longestRunning() ?? .zero
                    if running <= interval / 2 {
                        try? notifier.watchdog()
                    } else if !stuck {
                        notifier.logger.error("no progress for \(running): watchdog pings stop, so that systemd restarts the daemon")
                    }
                    stuck = running > interval / 2
                    try await notifier.sleep(interval / 2)
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        try? stopping()
    }
}
