import Logging
import StorywatchConfig
import StorywatchExtract

/// Builds the extractor from the shipped dictionaries plus the operator's folder.
package enum ExtractorFactory {
    package static func make(config: StorywatchConfig, logger: Logger) throws -> Extractor {
        Extractor()
    }
}
