import StorywatchConfig
import StorywatchExtract

/// The running configuration and what is built from it; replaced as a whole by a valid reload.
struct DaemonSnapshot: Sendable {
    var config: StorywatchConfig
    var extractor: Extractor
    /// Incremented by each applied reload.
    var generation: Int
}

/// Holds the current snapshot; the pipeline reads it per event, the delivery loop waits for a
/// new generation to restart its worker with the new webhooks.
final class CurrentConfig: Sendable {
    private let current: WaitList<DaemonSnapshot>

    init(_ snapshot: DaemonSnapshot) {
        current = WaitList(snapshot)
    }

    var snapshot: DaemonSnapshot { current.value }

    func replace(config: StorywatchConfig, extractor: Extractor) {
        current.update { snapshot, _ in
            snapshot = DaemonSnapshot(config: config, extractor: extractor, generation: snapshot.generation + 1)
        }
    }

    /// Returns once the generation is past `generation`, or when the task is cancelled.
    func changed(after generation: Int) async {
        await current.wait { $0.generation > generation }
    }
}
