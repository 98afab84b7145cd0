#if DEBUG
import Foundation

/// A test hook of debug builds only: the daemon holds the document named by
/// `STORYWATCH_TEST_STALL` in hand until it stops, so that `/healthz` can be seen turning 503.
package enum TestStall {
    package static func hold(_ path: String, environment: [String: String], progress: WorkProgress) async {
        guard let name = environment["STORYWATCH_TEST_STALL"], !name.isEmpty, path.hasSuffix(name) else { return }
        let unit = progress.begin(path)
        defer { progress.end(unit) }
        try? await Task.sleep(for: .seconds(3_600)) // until the daemon stops (cancelled): then on as usual
    }
}
#endif
