import Foundation
import Glibc
import Logging
import ServiceLifecycle
import StorywatchConfig
import StorywatchDeliver
import StorywatchIngest
import StorywatchModel
import StorywatchStore
import StorywatchWatch
import UnixSignals

/// `storywatch run`: the watcher feeding the scan pass, the delivery worker draining the outbox,
/// sd_notify and signals around them (design §5).
///
/// Watches are set up first, then the catch-up scan runs (the same code as `scan`), then READY=1.
/// SIGHUP re-reads the config file: a valid one replaces the running one (the delivery worker is
/// restarted with the new webhooks, queued alerts stay in the outbox); an invalid one is logged
/// and the running config stays. SIGTERM or SIGINT: STOPPING=1, the document in hand is finished,
/// requests in flight are finished and recorded, and `run` returns (exit 0). The corpus going
/// away throws `WatchError.rootGone` (exit non-zero, so that systemd restarts the service).
package struct Daemon: Sendable {
    package var config: StorywatchConfig
    /// The file SIGHUP re-reads; nil when the config came from flags only (SIGHUP then re-applies nothing).
    package var configPath: String?
    package var environment: [String: String]
    package var logger: Logger
    /// How the watcher behaves; the ignore rule is always the scan's.
    package var watchConfiguration: WatchConfiguration
    /// Makes the `[http]` listener when the config has one (`OperatorServices`).
    package var listener: ListenerFactory?

    package init(config: StorywatchConfig, configPath: String?,
                 environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) {
        self.config = config
        self.configPath = configPath
        self.environment = environment
        self.logger = logger
        watchConfiguration = WatchConfiguration(isIgnoredName: CorpusLister.isIgnoredName)
    }

    /// Runs until SIGTERM/SIGINT (returns) or a fatal error (throws `ScanError`, `StoreError`,
    /// `WatchError`, `DictionaryError`).
    package func run() async throws {
        signal(SIGPIPE, SIG_IGN) // a vanished log reader or peer must not kill the daemon
        IdleHousekeeping.limitArenas()
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint, .sighup)
        guard let corpus = config.corpus else { throw ScanError.noCorpusGiven }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder), isFolder.boolValue else {
            throw ScanError.missingCorpus(corpus)
        }
        let lock = try StateLock.acquire(directory: config.state) // one deliverer per state
        defer { withExtendedLifetime(lock) {} }
        let store = try Store.open(directory: config.state)
        try store.verifyIntegrity(directory: config.state)
        let current = CurrentConfig(DaemonSnapshot(config: config, extractor: try ExtractorFactory.make(config: config, logger: logger),
                                                   generation: 0))
        let context = DaemonContext(corpus: corpus, store: store, current: current, nudge: Nudge(), health: WebhookHealth(),
                                    housekeeping: IdleHousekeeping(), notifier: SystemdNotifier(environment: environment),
                                    environment: environment, logger: logger, progress: PipelineProgress())
        let operatorServices = try OperatorServices.make(config: config, store: store, progress: context.progress,
                                                         listener: listener, environment: environment, logger: logger)
        logger.info("starting", metadata: ["corpus": "\(corpus)", "state": "\(config.state)",
                                           "webhooks": "\(config.webhooks.map(\.name).joined(separator: ","))"])
        let watcher = DirectoryWatcher(root: corpus, configuration: watchConfiguration, logger: logger)
        let configPath = configPath
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await context.pipelineRecovering(watcher: watcher) }
            group.addTask { try await context.delivery() }
            group.addTask { await context.housekeeping.run(store: store) }
            for service in operatorServices { group.addTask { try await service.run() } }
            group.addTask { await context.pruneDeliveredAlerts() }
            if let notifier = context.notifier, let interval = notifier.watchdogInterval {
                group.addTask {
                    while !Task.isCancelled {
                        try? notifier.watchdog()
                        try? await Task.sleep(for: interval / 2)
                    }
                }
            }
            group.addTask {
                for await signal in signals {
                    if signal == .sighup {
                        context.reload(path: configPath)
                    } else {
                        context.logger.notice("stopping", metadata: ["signal": "\(signal)"])
                        try? context.notifier?.stopping()
                        return
                    }
                }
            }
            // The first child to finish is a stop signal; any other ending is an error (thrown here).
            try await group.next()
            group.cancelAll()
            try await group.waitForAll()
        }
        logger.notice("stopped; undelivered alerts stay in the outbox")
    }
}

/// What the daemon's tasks share.
struct DaemonContext: Sendable {
    let corpus: String
    let store: Store
    let current: CurrentConfig
    let nudge: Nudge
    let health: WebhookHealth
    let housekeeping: IdleHousekeeping
    let notifier: SystemdNotifier?
    let environment: [String: String]
    let logger: Logger
    let progress: PipelineProgress

    // MARK: Pipeline

    /// Watches, catches up, says READY=1, then processes events until cancelled.
    func pipeline(watcher: DirectoryWatcher) async throws {
        try await watcher.watch { events in
            var snapshot = current.snapshot
            var pass = ScanPass(config: snapshot.config, store: store, extractor: snapshot.extractor, logger: logger)
            pass.progress = progress
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
                    pass = ScanPass(config: snapshot.config, store: store, extractor: snapshot.extractor, logger: logger)
                    pass.progress = progress
                    lister = CorpusLister(root: corpus, include: snapshot.config.include, exclude: snapshot.config.exclude)
                }
                var recorded = 0
                switch event {
                case .ready(let path):
                    guard lister.accepts(relativePath: path) else { continue }
                    #if DEBUG
                    await TestStall.hold(path, environment: environment, progress: progress)
                    #endif
                    recorded = try pass.process(relativePath: path, corpus: corpus, known: store.document(path: path)).count
                case .removed(let path):
                    try remove(path)
                case .rescan(let reason):
                    // A rescan caused by the root's own deletion (a burst of removals overflows the
                    // queue first) must end the daemon as the deletion does, not forget every file.
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
                        throw WatchError.rootGone(path: corpus, how: .deleted)
                    }
                    logger.warning("full rescan", metadata: ["reason": "\(reason)"])
                    recorded = try pass.run().count
                }
                if recorded > 0 { nudge.signal() }
                housekeeping.touch()
                if ContinuousClock.now - lastStatus > .seconds(5) {
                    lastStatus = .now
                    try? notifier?.status(statusLine())
                }
            }
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

    // MARK: Delivery

    /// Runs the delivery worker over the current webhooks; restarts it when a reload applies.
    func delivery() async throws {
        try await CurlTransport.with { transport in
            while !Task.isCancelled {
                let snapshot = current.snapshot
                guard !snapshot.config.webhooks.isEmpty else {
                    await current.changed(after: snapshot.generation)
                    continue
                }
                // A webhook with an unusable secret is parked inside; the others deliver.
                var worker = DeliveryService.worker(config: snapshot.config, store: store, transport: transport,
                                                    logger: logger, environment: environment)
                let nudge = self.nudge
                let health = self.health
                worker.sleep = { seconds in try await nudge.sleep(seconds: seconds) }
                worker.onHealthChange = { down in health.update(downNow: down) }
                let current = self.current
                let running = worker
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // New alerts of this process nudge the worker at once; the poll only picks up
                    // rows another process queued (`redeliver`), so it can be slow.
                    group.addTask { _ = try await running.run(.forever(pollInterval: 30)) }
                    group.addTask { await current.changed(after: snapshot.generation) }
                    try await group.next()
                    group.cancelAll()
                    try await group.waitForAll()
                }
            }
        }
    }

    // MARK: Reload

    /// SIGHUP: RELOADING=1, re-read and check the file; apply it or keep the running config.
    func reload(path: String?) {
        try? notifier?.reloading()
        defer { try? notifier?.ready(status: statusLine()) }
        guard let path else {
            logger.warning("reload requested but the daemon was started without --config; nothing to re-read")
            return
        }
        let running = current.snapshot.config
        do {
            var fresh = try ConfigLoader(environment: environment).load(path: path)
            if fresh.corpus != running.corpus || fresh.state != running.state {
                logger.warning("corpus and state changes need a restart; keeping the running ones",
                               metadata: ["corpus": "\(running.corpus ?? "")", "state": "\(running.state)"])
                fresh.corpus = running.corpus
                fresh.state = running.state
            }
            // Exactly what `check-config` checks: secrets, corpus, state, dictionaries.
            let extractor = try ConfigCheck.validate(fresh, file: path, environment: environment, logger: logger)
            current.replace(config: fresh, extractor: extractor)
            logger.notice("configuration reloaded", metadata: ["config": "\(path)",
                                                               "webhooks": "\(fresh.webhooks.map(\.name).joined(separator: ","))"])
        } catch {
            logger.error("configuration not reloaded, the running one stays: \(error)", metadata: ["config": "\(path)"])
        }
    }
}
