import StorywatchConfig
import StorywatchStore

/// `storywatch backup FILE`: the state copied with SQLite's online backup (safe while the
/// daemon runs).
package enum BackupUseCase {
    /// `file`: absolute, and must not exist. Throws `StoreError` (`.backupFailed`), `ConfigError`.
    package static func run(to file: String, request: ConfigRequest) throws {
        let config = try request.load()
        try Store.open(directory: config.state).backup(to: file)
    }
}
