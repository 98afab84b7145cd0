import StorywatchConfig
import StorywatchDeliver
import StorywatchExtract
import StorywatchHTTP
import StorywatchIngest
import StorywatchStore
import StorywatchWatch

/// A use case's refusal that is no stage's error ("no webhook in the config").
package struct CommandFailure: Error, Sendable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) { self.description = description }
}

/// `run`'s config refused: exit 78 (EX_CONFIG), which the unit does not restart.
package struct ConfigRefused: Error, Sendable, CustomStringConvertible {
    package var error: ConfigError

    package init(_ error: ConfigError) { self.error = error }

    package var description: String { error.description }
}

/// The exit status of each failure a use case throws (design §6): 2 when the state or the
/// corpus cannot be used (a browsing command given a folder with no state too), 75 (EX_TEMPFAIL) when another process delivers from the state, 78
/// (EX_CONFIG) when `run` refuses its config, 1 for the rest; nil for an error no stage declares.
package enum ExitStatus {
    package static func of(_ error: any Error) -> Int32? {
        switch error {
        case let error as StoreError: error.exitStatus
        case is ScanError: 2
        case let error as BrowseError: error.exitStatus
        case is ConfigRefused: 78
        case is ConfigError, is DeliveryError, is WatchError, is DictionaryError, is IngestError, is CommandFailure: 1
        case is MuteError, is HTTPListenerError: 1
        default: nil
        }
    }
}
