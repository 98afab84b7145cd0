import ArgumentParser
import Foundation
import StorywatchConfig
import StorywatchModel
import StorywatchService
import StorywatchStore

/// `--state DIR`, for the commands that read a state without scanning (design §4: `--state DIR`
/// or `--config FILE`).
struct StateOptions: ParsableArguments {
    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    /// The existing state of the config or `--state`; exits 2 when there is none.
    func openStore(_ global: GlobalOptions) throws -> Store {
        try open(global).store
    }

    /// The config (its state replaced by `--state`) and its existing state; exits 2 when there is none.
    func open(_ global: GlobalOptions) throws -> (config: StorywatchConfig, store: Store) {
        var config = try global.loadConfig()
        if let state { config.state = absolute(state) }
        do {
            return (config, try BrowseState.open(directory: config.state))
        } catch let error as BrowseError {
            throw failure(error, exit: 2)
        } catch let error as StoreError {
            throw failure(error, exit: 2)
        }
    }
}

/// Parses a YYYY-MM-DD option.
func parseDay(_ text: String) throws -> Day {
    guard let day = Day(iso: text) else { throw ValidationError(BrowseError.invalidDate(text).description) }
    return day
}

/// Pretty-printed JSON with sorted keys, for `--json`.
func jsonText(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
}
