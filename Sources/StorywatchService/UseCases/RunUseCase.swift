import Logging
import StorywatchConfig
import StorywatchStore

/// `storywatch run`: the daemon (`Daemon`), until SIGTERM or SIGINT.
package enum RunUseCase {
    /// Throws `ConfigRefused` for a config with problems (exit 78), `WatchError` when the corpus
    /// goes away, `ScanError`, `StoreError` (the state locked by another deliverer, damaged),
    /// `DictionaryError`; any other error as a `CommandFailure`, so that every fatal error goes
    /// out as one line (all mapped by `ExitStatus`).
    package static func run(_ request: ConfigRequest, logger: Logger) async throws {
        let config: StorywatchConfig
        do {
            config = try request.load()
        } catch {
            throw ConfigRefused(error)
        }
        do {
            try await Daemon(config: config, configPath: request.file, logger: logger).run()
        } catch {
            if ExitStatus.of(error) != nil { throw error }
            // SQLite's own errors too go out with a priority, a damaged file as such.
            if let damaged = StoreError.corruption(error, directory: config.state) { throw damaged }
            throw CommandFailure("\(error)")
        }
    }
}
