import Foundation
import Glibc
import ServiceLifecycle
@_spi(TestKit) import ServiceLifecycleTestKit
import StorywatchService
import Testing

/// A datagram socket standing in for systemd's notify socket: a path, or an abstract '@' name.
// @unchecked: one test owns it; the socket is only read, from one thread at a time.
final class NotifyReceiver: @unchecked Sendable {
    let address: String
    private let fd: Int32
    private let path: String?

    init(abstract: Bool) throws {
        let name = "storywatch-notify-\(UUID().uuidString.prefix(8))"
        path = abstract ? nil : FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        address = abstract ? "@" + name : path!
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(address.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + bytes.count)
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The next datagram, or nil after `timeout` milliseconds.
    func receive(timeout: Int32 = 2000) -> String? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count >= 0 ? String(decoding: buffer[0 ..< count], as: UTF8.self) : nil
    }

    /// `receive` off the cooperative thread pool, so a blocking poll never starves the task
    /// that is meant to send (the pool has one thread per core: two here).
    func receiveOffPool(timeout: Int32 = 5000) async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.receive(timeout: timeout)) }
        }
    }

    deinit {
        close(fd)
        if let path { unlink(path) }
    }
}

struct SystemdNotifierTests {
    @Test func ready_whenNotifySocketIsAPath_sendsReadyAndStatus() throws {
        // Given a receiver bound to a path
        let receiver = try NotifyReceiver(abstract: false)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address]))
        // When READY=1 is sent with a status
        try notifier.ready(status: "watching 3 files\nsecond line")
        // Then one datagram holds both, the status on one line
        #expect(receiver.receive() == "READY=1\nSTATUS=watching 3 files second line")
    }

    @Test func send_whenNotifySocketIsAbstract_reachesTheAbstractName() throws {
        // Given a receiver on an abstract socket ("@name")
        let receiver = try NotifyReceiver(abstract: true)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address]))
        // When WATCHDOG=1 and STOPPING=1 are sent
        try notifier.watchdog()
        try notifier.stopping()
        // Then both arrive in order
        #expect(receiver.receive() == "WATCHDOG=1")
        #expect(receiver.receive() == "STOPPING=1\nSTATUS=stopping")
    }

    @Test func reloading_whenSent_carriesMonotonicMicroseconds() throws {
        // Given a receiver
        let receiver = try NotifyReceiver(abstract: true)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address]))
        let before = SystemdNotifier.monotonicMicroseconds()
        // When RELOADING=1 is sent
        try notifier.reloading()
        // Then MONOTONIC_USEC is CLOCK_MONOTONIC now, in microseconds
        let message = try #require(receiver.receive())
        let lines = message.split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let usec = try #require(lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) })
        #expect(usec >= before && usec < before + 5_000_000)
    }

    @Test func init_whenNoNotifySocket_isNil() {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
    }

    @Test func init_whenWatchdogPidIsAnotherProcess_hasNoWatchdog() throws {
        // Given WATCHDOG_USEC meant for another PID, then for ours
        let other = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "30000000",
                                                               "WATCHDOG_PID": "\(getpid() + 1)"]))
        let ours = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "30000000",
                                                              "WATCHDOG_PID": "\(getpid())"]))
        // Then only ours has a watchdog interval
        #expect(other.watchdogInterval == nil)
        #expect(ours.watchdogInterval == .seconds(30))
    }

    @Test func send_whenAddressIsRelative_throwsUnsupportedAddress() throws {
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative/path"]))
        #expect(throws: NotifyError.unsupportedAddress("relative/path")) { try notifier.watchdog() }
    }

    @Test func run_whenWatchdogSet_pingsUntilGracefulShutdownThenSendsStopping() async throws {
        // Given a notifier with WATCHDOG_USEC = 100 ms (a ping every 50 ms)
        let receiver = try NotifyReceiver(abstract: true)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address,
                                                                  "WATCHDOG_USEC": "100000"]))
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await notifier.run() }
                // When two pings have arrived and shutdown is triggered
                // (a loaded machine may delay a ping: wait for two, up to ten messages)
                var pings = 0
                for _ in 0..<10 where pings < 2 {
                    if await receiver.receiveOffPool() == "WATCHDOG=1" { pings += 1 }
                }
                #expect(pings == 2)
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        // Then the last message is STOPPING=1
        var last: String?
        while let message = receiver.receive(timeout: 200) { last = message }
        #expect(last == "STOPPING=1\nSTATUS=stopping")
    }
}
