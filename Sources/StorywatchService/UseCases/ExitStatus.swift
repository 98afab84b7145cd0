import StorywatchConfig
import StorywatchDeliver
import StorywatchExtract
import StorywatchIngest
import StorywatchStore
import StorywatchWatch

/// A use case's refusal that is no stage's error ("no webhook in the config").
package struct CommandFailure: Error, Sendable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) { self.description = description }
}

/// The exit status of each failure a use case throws (design §6): 2 when the state or the
/// corpus cannot be used, 1 for the rest; nil for an error no stage declares.
package enum ExitStatus {
    package static func of(_ error: any Error) -> Int32? {
        switch error {
        case is StoreError, is ScanError: 2
        case is ConfigError, is DeliveryError, is WatchError, is DictionaryError, is IngestError, is CommandFailure: 1
        default: nil
        }
    }
}
