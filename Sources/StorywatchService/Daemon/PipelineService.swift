import Foundation
import Logging
import ServiceLifecycle
import StorywatchConfig
import StorywatchIngest
import StorywatchStore
import StorywatchWatch

/// The watcher feeding the scan pass: watches, catches up, says READY=1, then processes each
/// file as it is closed or renamed into the corpus. Stops at graceful shutdown once the
/// document in hand is done; throws `WatchError.rootGone` when the corpus goes away.
struct PipelineService: Service {
    let context: DaemonContext
    let watcher: DirectoryWatcher

    func run() async throws {
        try await cancelWhenGracefulShutdown { [context, watcher] in try await context.pipelineRecovering(watcher: watcher) }
    }
}

extension DaemonContext {
    /// Watches, catches up, says READY=1, then processes events until cancelled.
    func pipeline(watcher: DirectoryWatcher) async throws {
        try await watcher.watch { events in
            var snapshot = current.snapshot
            var pass = scanPass(snapshot)
            var lister = CorpusLister(root: corpus, include: snapshot.config.include, exclude: snapshot.config.exclude)
            let alerts = try pass.runCatchUp() // a baseline when `alert_on_first_scan = false` on a new store
            if !alerts.isEmpty { nudge.signal() }
            housekeeping.touch()
            let status = statusLine()
            logger.info("catch-up scan done; watching", metadata: ["developments": "\(alerts.count)", "status": "\(status)"])
            try? notifier?.ready(status: status)
            var lastStatus = ContinuousClock.now
            for try await event in events {
                if current.snapshot.generation != snapshot.generation {
                    snapshot = current.snapshot
                    pass = scanPass(snapshot)
                    lister = CorpusLister(root: corpus, include: snapshot.config.include, exclude: snapshot.config.exclude)
                }
                #if DEBUG
                if case .ready(let path) = event, lister.accepts(relativePath: path) {
                    await TestStall.hold(path, environment: environment, progress: progress)
                }
                #endif
                guard let recorded = try handle(event, pass: pass, lister: lister) else { continue }
                if recorded > 0 { nudge.signal() }
                housekeeping.touch()
                if ContinuousClock.now - lastStatus > .seconds(5) {
                    lastStatus = .now
                    try? notifier?.status(statusLine())
                }
            }
        }
    }

    /// The scan pass of a config, marking each document as a unit of work.
    private func scanPass(_ snapshot: DaemonSnapshot) -> ScanPass {
        var pass = ScanPass(config: snapshot.config, store: store, extractor: snapshot.extractor, logger: logger)
        pass.progress = progress
        return pass
    }

    /// Carries out one watcher event; the developments it recorded, nil for a file the config ignores.
    private func handle(_ event: WatchEvent, pass: ScanPass, lister: CorpusLister) throws -> Int? {
        switch event {
        case .ready(let path):
            guard lister.accepts(relativePath: path) else { return nil }
            return try progress.unit(path) { try pass.process(relativePath: path, corpus: corpus, known: store.document(path: path)).count }
        case .removed(let path):
            try progress.unit { try remove(path) }
            return 0
        case .rescan(let reason):
            // A rescan caused by the root's own deletion (a burst of removals overflows the
            // queue first) must end the daemon as the deletion does, not forget every file.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw WatchError.rootGone(path: corpus, how: .deleted)
            }
            logger.warning("full rescan", metadata: ["reason": "\(reason)"])
            return try pass.run().count
        }
    }

    /// Forgets a removed file, or every file under a removed folder.
    private func remove(_ path: String) throws {
        if try store.document(path: path) != nil {
            try store.removeDocument(path: path)
            logger.info("document removed", metadata: ["document.path": "\(path)"])
            return
        }
        for known in try store.allDocuments().keys where known.hasPrefix(path + "/") {
            try store.removeDocument(path: known)
            logger.info("document removed", metadata: ["document.path": "\(known)"])
        }
    }

    /// "watching 1,234 files, 12 storylines, outbox 0, webhook ops failing since 10:02".
    func statusLine() -> String {
        var parts: [String] = []
        if let counts = try? store.counts() {
            parts.append("watching \(StatusText.grouped(counts.documents)) files, \(StatusText.grouped(counts.storylines)) storylines, outbox \(StatusText.grouped(counts.outboxPending))")
        }
        for failing in health.failing {
            parts.append("webhook \(failing.name) failing since \(StatusText.clock(failing.since))")
        }
        return parts.joined(separator: ", ")
    }
}
