import Logging
import StorywatchConfig
import StorywatchModel
import StorywatchStore

/// `storywatch scan`: one incremental pass; the alerts it recorded, in order.
package enum ScanUseCase {
    /// `baseline`: record the corpus's developments without alerting (none returned, no outbox
    /// rows); also the case on a new store when `[detect] alert_on_first_scan = false`.
    package static func run(_ request: ConfigRequest, baseline: Bool = false, logger: Logger) throws -> [Alert] {
        let config = try request.load()
        let store = try Store.open(directory: config.state)
        let extractor = try ExtractorFactory.make(config: config, logger: logger)
        var pass = ScanPass(config: config, store: store, extractor: extractor, logger: logger)
        pass.baseline = baseline
        return try pass.runCatchUp()
    }
}
