import Logging
import StorywatchConfig
import StorywatchModel
import StorywatchStore

/// `storywatch scan`: one incremental pass; the alerts it recorded, in order.
package enum ScanUseCase {
    package static func run(_ request: ConfigRequest, logger: Logger) throws -> [Alert] {
        let config = try request.load()
        let store = try Store.open(directory: config.state)
        let extractor = try ExtractorFactory.make(config: config, logger: logger)
        return try ScanPass(config: config, store: store, extractor: extractor, logger: logger).run()
    }
}
