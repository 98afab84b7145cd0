import Logging
import StorywatchWatch

extension DaemonContext {
    /// The pipeline, started again on the new folder when the corpus path comes to name another
    /// one (`rm -rf corpus; mkdir corpus` while the old folder is held open, a filesystem mounted
    /// over it): a warning, new watches, a catch-up scan. Any other loss of the corpus ends the
    /// daemon as before.
    func pipelineFollowingCorpus(watcher: DirectoryWatcher) async throws {
        while true {
            do {
                return try await pipeline(watcher: watcher)
            } catch WatchError.rootGone(let path, .replaced) {
                logger.warning("the corpus path names another folder now (replaced or mounted over); watching it after a catch-up scan",
                               metadata: ["corpus": "\(path)"])
            }
        }
    }
}
