import CMemoryShim
import StorywatchStore

/// Gives memory back once the daemon has been quiet for a moment: SQLite's caches, then the
/// free pages glibc keeps in its heaps (malloc_trim). A catch-up scan or a burst of articles
/// leaves megabytes behind that an idle daemon never needs again (issue #6: idle RSS).
final class MemoryRelief: Sendable {
    private let activity = Nudge()
    /// Seconds without activity before memory is released.
    let quietSeconds: Double

    init(quietSeconds: Double = 2) {
        self.quietSeconds = quietSeconds
    }

    /// At most two malloc arenas for the threads started from now on: glibc would give each busy
    /// thread its own, each keeping freed memory of its own (about 0.5 MB of idle RSS here).
    static func limitArenas() {
        storywatch_limit_malloc_arenas(2)
    }

    /// Something happened (a scan, an event): release once it has been quiet for `quietSeconds`.
    func touch() {
        activity.signal()
    }

    /// Releases after each quiet spell that follows activity; returns only when cancelled.
    /// Sleeps without a timer while idle, so an idle daemon does not wake for it.
    func run(store: Store) async {
        do {
            while true {
                try await activity.wait()
                while try await activity.sleep(seconds: quietSeconds) {}
                store.releaseMemory()
                storywatch_release_free_heap()
            }
        } catch {
            return // cancelled: the daemon is stopping
        }
    }
}
