import CWatchShim
import Foundation
import Glibc
import Logging

/// Watches every folder under a root with inotify (or polls a filesystem without it) and reports
/// files ready to process, paths gone, and rescans needed.
///
/// Use it scoped: `try await watcher.watch { events in … }`. When `watch` returns, the watches are
/// in place (so a catch-up scan run first thing inside the closure misses nothing); when the
/// closure ends, the watcher thread is stopped and its descriptors closed.
package struct DirectoryWatcher: Sendable {
    package var root: String
    package var configuration: WatchConfiguration
    package var logger: Logger

    package init(root: String, configuration: WatchConfiguration, logger: Logger) {
        self.root = root
        self.configuration = configuration
        self.logger = logger
    }

    /// Sets the watches up (throws `WatchError` when the root is missing or cannot be watched),
    /// runs `body` with the events, then stops watching. The sequence throws
    /// `WatchError.rootGone` when the root is deleted, moved or unmounted, and ends when the
    /// iterating task is cancelled.
    package func watch<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (WatchEvents) async throws -> Result
    ) async throws -> Result {
        let session = try await WatchSession.start(root: root, configuration: configuration, logger: logger)
        let result: Swift.Result<Result, any Error>
        do {
            result = .success(try await body(WatchEvents(buffer: session.buffer)))
        } catch {
            result = .failure(error)
        }
        await session.stop()
        return try result.get()
    }
}

/// The events of a running watcher, in order. Single consumer.
package struct WatchEvents: AsyncSequence, Sendable {
    package typealias Element = WatchEvent
    let buffer: EventBuffer

    package struct AsyncIterator: AsyncIteratorProtocol {
        let buffer: EventBuffer
        package mutating func next() async throws -> WatchEvent? {
            try await buffer.next()
        }
    }

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(buffer: buffer)
    }
}

/// One running watcher: its thread, the self-pipe that wakes it, the hand-off.
final class WatchSession: Sendable {
    let buffer: EventBuffer
    /// Both ends of the self-pipe belong to the session and are closed after the thread has
    /// exited, so waking a thread that already stopped never writes to a pipe without a reader.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let done: Completion

    private init(buffer: EventBuffer, wakeRead: Int32, wakeWrite: Int32, done: Completion) {
        self.buffer = buffer
        self.wakeRead = wakeRead
        self.wakeWrite = wakeWrite
        self.done = done
    }

    static func start(root: String, configuration: WatchConfiguration, logger: Logger) async throws -> WatchSession {
        var pipeEnds: [Int32] = [-1, -1]
        try Syscall.call("pipe2") { storywatch_pipe_cloexec_nonblock(&pipeEnds) }
        let buffer = EventBuffer(capacity: configuration.bufferCapacity)
        let done = Completion()
        let wakeRead = pipeEnds[0]
        do {
            try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
                let thread = Thread {
                    WatchLoop(root: root, configuration: configuration, logger: logger, buffer: buffer,
                              wakeRead: wakeRead).run(started: started)
                    done.signal()
                }
                thread.name = "storywatch-watch"
                thread.start()
            }
        } catch {
            await done.wait()
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw error
        }
        return WatchSession(buffer: buffer, wakeRead: pipeEnds[0], wakeWrite: pipeEnds[1], done: done)
    }

    /// Wakes the thread through the self-pipe and waits until it has closed everything.
    func stop() async {
        var byte: UInt8 = 1
        _ = try? Syscall.callUnlessWouldBlock("write") { write(wakeWrite, &byte, 1) }
        await done.wait()
        close(wakeRead)
        close(wakeWrite)
        buffer.finish(.success(()))
    }
}

/// The watcher thread's body: poll(2) on the inotify descriptor and the self-pipe, with a timeout
/// only while something is settling (idle means no wake-ups at all).
struct WatchLoop {
    let root: String
    let configuration: WatchConfiguration
    let logger: Logger
    let buffer: EventBuffer
    let wakeRead: Int32

    func run(started: CheckedContinuation<Void, any Error>) {
        if let filesystem = configuration.filesystemWithoutInotify(root) {
            runPolling(filesystem: filesystem, started: started)
        } else {
            runInotify(started: started)
        }
    }

    private func runInotify(started: CheckedContinuation<Void, any Error>) {
        let fd: Int32
        do {
            fd = try Syscall.call("inotify_init1") { inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK)) }
        } catch {
            started.resume(throwing: error)
            return
        }
        defer { close(fd) }
        let core = InotifyCore(root: root, fd: fd, configuration: configuration, logger: logger)
        do {
            try core.start(now: .now)
        } catch {
            started.resume(throwing: error)
            return
        }
        logger.info("watching the corpus with inotify",
                    metadata: ["corpus": "\(root)", "folders": "\(core.watchedFolders)"])
        deliver(core.takeOutput())
        started.resume()

        let readSize = 64 * 1024
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 8)
        defer { raw.deallocate() }
        var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        do {
            while true {
                let timeout = Self.milliseconds(until: [core.nextDeadline, core.nextRootCheck].compactMap { $0 }.min())
                try Syscall.call("poll") { poll(&descriptors, 2, timeout) }
                if descriptors[1].revents != 0 { break }
                if descriptors[0].revents != 0 {
                    var events: [InotifyEvent] = []
                    // Drain what is queued (bounded) so both halves of a rename meet in one batch.
                    for _ in 0 ..< 16 {
                        guard let count = try Syscall.callUnlessWouldBlock("read", path: root, {
                            read(fd, raw.baseAddress, readSize)
                        }), count > 0 else { break }
                        events += Inotify.decode(UnsafeRawBufferPointer(rebasing: raw[0 ..< count]))
                    }
                    try core.handle(events, now: .now)
                }
                core.tick(now: .now)
                deliver(core.takeOutput())
                try core.checkRoot(now: .now)
            }
            buffer.finish(.success(()))
        } catch {
            deliver(core.takeOutput())
            buffer.finish(.failure(error))
        }
    }

    private func runPolling(filesystem: String, started: CheckedContinuation<Void, any Error>) {
        let core = PollingCore(root: root, configuration: configuration)
        do {
            try core.start()
        } catch {
            started.resume(throwing: error)
            return
        }
        let interval = PollingCore.nanoseconds(configuration.pollInterval)
        logger.notice("the corpus is on a filesystem without inotify; polling it instead",
                      metadata: ["corpus": "\(root)", "filesystem": "\(filesystem)",
                                 "interval": "\(configuration.pollInterval)", "files": "\(core.knownFiles)"])
        started.resume()
        var descriptors = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        do {
            while true {
                let timeout = Int32(clamping: max(1, interval / 1_000_000))
                try Syscall.call("poll") { poll(&descriptors, 1, timeout) }
                if descriptors[0].revents != 0 { break }
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                deliver(try core.poll(wallClockNanos: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)))
            }
            buffer.finish(.success(()))
        } catch {
            buffer.finish(.failure(error))
        }
    }

    private func deliver(_ events: [WatchEvent]) {
        for event in events {
            if buffer.push(event) == .overflowed {
                logger.warning("the pipeline fell behind the watcher; queued events dropped, a full rescan follows",
                               metadata: ["corpus": "\(root)", "capacity": "\(buffer.capacity)"])
            }
        }
    }

    /// poll(2)'s timeout for a deadline: -1 (sleep until an event) when there is none.
    static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = deadline - .now
        if remaining <= .zero { return 0 }
        let nanos = PollingCore.nanoseconds(remaining)
        return Int32(clamping: (nanos + 999_999) / 1_000_000)
    }
}
