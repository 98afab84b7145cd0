import Foundation
import Glibc
import Logging
import StorywatchIngest
import StorywatchWatch

/// The watcher configuration the daemon uses (the scan's ignore rule), with test-sized timings.
func testConfiguration(_ adjust: (inout WatchConfiguration) -> Void = { _ in }) -> WatchConfiguration {
    var configuration = WatchConfiguration(isIgnoredName: CorpusLister.isIgnoredName)
    configuration.quietPeriod = .milliseconds(200)
    configuration.maxWait = .seconds(2)
    configuration.pollInterval = .milliseconds(100)
    adjust(&configuration)
    return configuration
}

let testLogger: Logger = {
    var logger = Logger(label: "watch-tests") { _ in SwiftLogNoOpLogHandler() }
    logger.logLevel = .critical
    return logger
}()

/// Collects a running watcher's events so a test can wait for some with a bounded timeout.
actor EventRecorder {
    private(set) var events: [WatchEvent] = []
    private(set) var failure: (any Error)?

    func record(_ event: WatchEvent) { events.append(event) }
    func fail(_ error: any Error) { failure = error }

    /// Waits (at most `timeout`) until `condition` holds for the events so far; answers them.
    @discardableResult
    func waitUntil(timeout: Duration = .seconds(3), _ condition: ([WatchEvent]) -> Bool) async -> [WatchEvent] {
        let deadline = ContinuousClock.now + timeout
        while !condition(events) && failure == nil && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return events
    }

    /// Waits until the watcher's sequence failed (at most `timeout`).
    func waitForFailure(timeout: Duration = .seconds(3)) async -> (any Error)? {
        let deadline = ContinuousClock.now + timeout
        while failure == nil && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return failure
    }

    /// Lets the watcher run for `duration` (for "nothing else happens" checks); answers the events.
    func settle(for duration: Duration = .milliseconds(300)) async -> [WatchEvent] {
        try? await Task.sleep(for: duration)
        return events
    }
}

/// Runs a watcher on `root` while `body` acts; every event goes to the recorder. Stops it after.
func withRecordingWatcher(
    root: String,
    configuration: WatchConfiguration = testConfiguration(),
    _ body: (EventRecorder) async throws -> Void
) async throws {
    let watcher = DirectoryWatcher(root: root, configuration: configuration, logger: testLogger)
    let recorder = EventRecorder()
    try await watcher.watch { events in
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await event in events { await recorder.record(event) }
                } catch {
                    await recorder.fail(error)
                }
            }
            try await body(recorder)
            group.cancelAll()
        }
    }
}

extension [WatchEvent] {
    var readyPaths: Set<String> {
        Set(compactMap { if case .ready(let path) = $0 { path } else { nil } })
    }

    var removedPaths: Set<String> {
        Set(compactMap { if case .removed(let path) = $0 { path } else { nil } })
    }

    var rescans: [RescanReason] {
        compactMap { if case .rescan(let reason) = $0 { reason } else { nil } }
    }
}
