import Foundation
import Glibc
import ServiceLifecycle
@_spi(TestKit) import ServiceLifecycleTestKit
import StorywatchService
import StorywatchTesting
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

    /// The next datagram, or nil after `timeout` milliseconds (by default, nil when none is
    /// waiting: the notifier sends before it returns, so a test never needs to wait).
    func receive(timeout: Int32 = 0) -> String? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count >= 0 ? String(decoding: buffer[0 ..< count], as: UTF8.self) : nil
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
        // Given a notifier with WATCHDOG_USEC = 100 ms (a ping every 50 ms), its waits on a test clock
        let receiver = try NotifyReceiver(abstract: true)
        var notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address,
                                                                  "WATCHDOG_USEC": "100000"]))
        let clock = TestClock()
        notifier.sleep = { interval in try await clock.sleep(for: interval) }
        let running = notifier
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await running.run() }
                // When two half-intervals have passed and shutdown is triggered
                await clock.waitForSleeper()
                #expect(receiver.receive() == "WATCHDOG=1")
                clock.advance(by: 0.05)
                await clock.waitForSleeper()
                #expect(receiver.receive() == "WATCHDOG=1")
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        // Then the last message is STOPPING=1
        #expect(receiver.receive() == "STOPPING=1\nSTATUS=stopping")
    }
}
