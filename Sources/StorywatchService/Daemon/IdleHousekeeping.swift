import CMemoryShim
import StorywatchStore
import Synchronization

/// Housekeeping once the daemon has been quiet for a moment: the SQLite checkpoint (kept off the
/// path of an article), then memory given back: SQLite's caches, then the free pages glibc keeps
/// in its heaps (malloc_trim). A catch-up scan or a burst of articles leaves megabytes behind
/// that an idle daemon never needs again (issue #6: idle RSS).
final class IdleHousekeeping: Sendable {
    private struct State {
        var lastActivity = ContinuousClock.now
        /// The releasing task waits for a signal: the next `touch` must send one.
        var waiting = true
    }

    private let activity = Nudge()
    private let state = Mutex(State())
    /// Quiet time before memory is released.
    let quiet: Duration

    init(quiet: Duration = .seconds(2)) {
        self.quiet = quiet
    }

    /// At most two malloc arenas for the threads started from now on: glibc would give each busy
    /// thread its own, each keeping freed memory of its own (about 0.5 MB of idle RSS here).
    static func limitArenas() {
        storywatch_limit_malloc_arenas(2)
    }

    /// Something happened (a scan, an event). Cheap: only the first touch after a release wakes
    /// the releasing task, so a burst of events costs it no work.
    func touch() {
        let wake = state.withLock { state in
            state.lastActivity = .now
            defer { state.waiting = false }
            return state.waiting
        }
        if wake { activity.signal() }
    }

    /// Releases once after each quiet spell that follows activity; returns only when cancelled.
    /// Idle, it waits without a timer, so an idle daemon does not wake for it.
    func run(store: Store) async {
        do {
            while true {
                try await activity.wait()
                while true {
                    let left = state.withLock { state in
                        let left = quiet - (ContinuousClock.now - state.lastActivity)
                        if left <= .zero { state.waiting = true }
                        return left
                    }
                    if left <= .zero { break }
                    try await Task.sleep(for: left)
                }
                store.checkpoint()
                store.releaseMemory()
                storywatch_release_free_heap()
            }
        } catch {
            return // cancelled: the daemon is stopping
        }
    }
}
