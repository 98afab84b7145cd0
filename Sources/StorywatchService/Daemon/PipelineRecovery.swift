import Foundation
import Logging
import StorywatchConfig
import StorywatchStore
import StorywatchWatch

extension DaemonContext {
    /// The pipeline, started again (new watches, a catch-up scan) when
    /// - the corpus path comes to name another folder (`rm -rf corpus; mkdir corpus` while the old
    ///   folder is held open, a filesystem mounted over it): a warning, at once;
    /// - the state's disk is full: an error line with the path and the free space, then a retry
    ///   after 5 s, 10 s … 5 min (the document in hand was not committed and is read again).
    /// Any other error ends the daemon as before.
    func pipelineRecovering(watcher: DirectoryWatcher) async throws {
        var backoff = 5.0
        while true {
            do {
                return try await pipeline(watcher: watcher)
            } catch WatchError.rootGone(let path, .replaced) {
                logger.warning("the corpus path names another folder now (replaced or mounted over); watching it after a catch-up scan",
                               metadata: ["corpus": "\(path)"])
            } catch {
                guard let full = StoreError.diskFull(error, directory: current.snapshot.config.state) else { throw error }
                logger.error("\(full); retrying in \(Int(backoff)) s")
                try await Task.sleep(for: .seconds(backoff))
                backoff = min(backoff * 2, 300)
            }
        }
    }
}
