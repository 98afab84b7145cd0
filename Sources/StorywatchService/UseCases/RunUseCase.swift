import Logging

/// `storywatch run`: the daemon (`Daemon`), until SIGTERM or SIGINT.
package enum RunUseCase {
    /// Throws `WatchError` when the corpus goes away, `ScanError`, `StoreError`,
    /// `DictionaryError`, `ConfigError` (all mapped by `ExitStatus`).
    package static func run(_ request: ConfigRequest, logger: Logger) async throws {
        try await Daemon(config: try request.load(), configPath: request.file, logger: logger).run()
    }
}
