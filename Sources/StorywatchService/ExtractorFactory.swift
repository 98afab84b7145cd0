import Foundation
import Logging
import StorywatchConfig
import StorywatchExtract

/// Builds the extractor from the shipped dictionaries plus the operator's folder.
package enum ExtractorFactory {
    /// Throws `DictionaryError` naming the file and line of a bad dictionary entry.
    /// `explains`: keep what `storywatch explain` shows of each event (the pipeline does not read it).
    package static func make(config: StorywatchConfig, logger: Logger, explains: Bool = false) throws -> Extractor {
        var isDir: ObjCBool = false
        let extra = FileManager.default.fileExists(atPath: config.dictionaries, isDirectory: &isDir) && isDir.boolValue
            ? config.dictionaries : nil
        return Extractor(lexicon: try Lexicon.load(extraDirectory: extra), explains: explains)
    }
}
