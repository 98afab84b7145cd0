import ArgumentParser
import Foundation
import StorywatchModel
import StorywatchService

/// `--state DIR`, for the commands that read a state without scanning (design §4: `--state DIR`
/// or `--config FILE`).
struct StateOptions: ParsableArguments {
    @Option(help: "State folder. Default: the config's, else $STATE_DIRECTORY, else /var/lib/storywatch.")
    var state: String?

    /// The config and state the command reads (a use case opens it, never creating one).
    func request(_ global: GlobalOptions) -> ConfigRequest {
        global.request(state: state)
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
