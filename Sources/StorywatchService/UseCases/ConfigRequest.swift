import Foundation
import StorywatchConfig

/// What the command line says about the configuration: the file to read, and the folders its
/// flags override. Every use case starts from one.
package struct ConfigRequest: Sendable {
    /// Read by `run` (and `check-config`) when no --config is given.
    package static let defaultPath = "/etc/storywatch/storywatch.toml"

    /// --config.
    package var path: String?
    /// Read the default file when no --config is given; otherwise the built-in defaults apply.
    package var required: Bool
    /// --corpus and --state, absolute.
    package var corpus: String?
    package var state: String?
    package var environment: [String: String]

    package init(path: String?, required: Bool = false, corpus: String? = nil, state: String? = nil,
                 environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.path = path
        self.required = required
        self.corpus = corpus
        self.state = state
        self.environment = environment
    }

    /// The file read, if any (and re-read by SIGHUP).
    package var file: String? { path ?? (required ? Self.defaultPath : nil) }

    /// The config, flags applied. Throws `ConfigError` listing every problem of the file.
    func load() throws(ConfigError) -> StorywatchConfig {
        var config = try file.map { path throws(ConfigError) in try ConfigLoader(environment: environment).load(path: path) }
            ?? StorywatchConfig(environment: environment)
        if let corpus { config.corpus = corpus }
        if let state { config.state = state }
        return config
    }
}
