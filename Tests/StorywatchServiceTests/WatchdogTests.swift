import Foundation
import ServiceLifecycle
@_spi(TestKit) import ServiceLifecycleTestKit
import StorywatchService
import StorywatchTesting
import Testing

/// The one watchdog: `SystemdNotifier.run` pings while the daemon's units of work end in time.
struct WatchdogTests {
    /// A stage that blocks in its unit of work until released, as a read on a hung mount would.
    final class BlockingStage: Sendable {
        private let release = AsyncStream<Void>.makeStream()

        /// Marks a unit of work that ends only at `unblock()`.
        func work(in progress: WorkProgress) async {
            let unit = progress.begin()
            for await _ in release.stream { break }
            progress.end(unit)
        }

        func unblock() { release.continuation.finish() }
    }

    @Test func run_whenAUnitOfWorkBlocksPastHalfTheInterval_stopsPingingUntilItEnds() async throws {
        // Given a notifier with WATCHDOG_USEC = 10 s, its waits and the progress clock on a test clock
        let receiver = try NotifyReceiver(abstract: true)
        var notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address,
                                                                  "WATCHDOG_USEC": "10000000"]))
        let clock = TestClock()
        notifier.progress = WorkProgress(now: { clock.instant })
        notifier.sleep = { interval in try await clock.sleep(for: interval) }
        let progress = notifier.progress
        let running = notifier
        let stage = BlockingStage()

        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await running.run() }
                // An idle daemon pings
                await clock.waitForSleeper()
                #expect(receiver.receive() == "WATCHDOG=1")

                // When a unit of work starts and blocks
                group.addTask { await stage.work(in: progress) }
                for _ in 0..<100_000 where progress.longestRunning() == nil { await Task.yield() }

                // Then the pings go on while it has run no longer than half the interval…
                clock.advance(by: 5)
                await clock.waitForSleeper()
                #expect(receiver.receive() == "WATCHDOG=1")
                // …and stop once it has run longer, for as long as it blocks
                for _ in 0..<3 {
                    clock.advance(by: 5)
                    await clock.waitForSleeper()
                    #expect(receiver.receive() == nil)
                }

                // When it ends, the pings resume
                stage.unblock()
                for _ in 0..<100_000 where progress.longestRunning() != nil { await Task.yield() }
                clock.advance(by: 5)
                await clock.waitForSleeper()
                #expect(receiver.receive() == "WATCHDOG=1")

                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        #expect(receiver.receive() == "STOPPING=1\nSTATUS=stopping")
    }

    @Test func longestRunning_whenIdle_isNil_andWhenBusy_isTheOldestUnitsAge() {
        let clock = TestClock()
        let progress = WorkProgress(now: { clock.instant })
        #expect(progress.longestRunning() == nil)
        let first = progress.begin()
        clock.advance(by: 3)
        let second = progress.begin()
        clock.advance(by: 1)
        #expect(progress.longestRunning() == .seconds(4))
        progress.end(first)
        #expect(progress.longestRunning() == .seconds(1))
        progress.end(second)
        #expect(progress.longestRunning() == nil)
    }
}
