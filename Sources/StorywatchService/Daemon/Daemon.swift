import Foundation
import Glibc
import Logging
import ServiceLifecycle
import StorywatchConfig
import StorywatchIngest
import StorywatchStore
import StorywatchWatch
import UnixSignals

/// `storywatch run`: the daemon's parts as a `ServiceGroup` (design §5). Before the group starts,
/// the state's `deliver.lock` is taken (held until `run` returns; `StoreError.locked`, exit 75,
/// when another `run` or `deliver` holds it) and the store is checked (`quick_check`). The
/// services, in this order:
///
/// 1. `HeartbeatWriter`: pid and time in the state every 30 s (`status`: alive), pid 0 at the end;
/// 2. `HTTPListener` when `[http]` is set: /metrics, /healthz (from `WorkProgress`), the live report;
/// 3. `DelivererService`: the delivery pool (a worker per webhook) draining the outbox;
/// 4. `HousekeepingService`: checkpoint and memory given back when quiet; delivered alerts older
///    than `retain_days` pruned hourly;
/// 5. `ReloadService`: SIGHUP re-reads the config file and checks it as `check-config` does;
/// 6. `PipelineService`: the watcher feeding the scan pass; it says READY=1 after the catch-up;
/// 7. `SystemdNotifier`, the watchdog: pings while the loops make progress (`WorkProgress`).
///
/// All start together, with `StopSignalService`, which ends on SIGTERM or SIGINT and so shuts
/// the others down gracefully in reverse order: the notifier first (STOPPING=1 at once; systemd
/// watches no stopping unit), then the watcher (the document in hand is finished), reload and
/// housekeeping, the deliverer (requests in flight are finished and recorded), the listener
/// (its requests in hand finished), the heartbeat last (it records the stop), and `run` returns
/// (exit 0). A valid reload replaces the running config, an invalid one is logged and
/// the running one stays. The corpus going away throws `WatchError.rootGone` (exit non-zero, so
/// that systemd restarts the service).
package struct Daemon: Sendable {
    package var config: StorywatchConfig
    /// The file SIGHUP re-reads; nil when the config came from flags only (SIGHUP then re-applies nothing).
    package var configPath: String?
    package var environment: [String: String]
    package var logger: Logger
    /// How the watcher behaves; the ignore rule is always the scan's.
    package var watchConfiguration: WatchConfiguration

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
        let stops = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let hangups = await UnixSignalsSequence(trapping: .sighup)
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
        let progress = WorkProgress()
        var notifier = SystemdNotifier(environment: environment)
        notifier?.progress = progress
        notifier?.logger = logger
        let context = DaemonContext(corpus: corpus, store: store, current: current, nudge: Nudge(), health: WebhookHealth(),
                                    housekeeping: IdleHousekeeping(), notifier: notifier, progress: progress,
                                    environment: environment, logger: logger)
        let operatorServices = try OperatorServices.make(config: config, store: store, progress: progress,
                                                         environment: environment, logger: logger)
        logger.info("starting", metadata: ["corpus": "\(corpus)", "state": "\(config.state)",
                                           "webhooks": "\(config.webhooks.map(\.name).joined(separator: ","))"])
        let watcher = DirectoryWatcher(root: corpus, configuration: watchConfiguration, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: StopSignalService(signals: stops, logger: logger),
                  successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "signals"),
        ] + operatorServices.map { .init(service: $0, serviceName: "\(type(of: $0))") } + [
            .init(service: DelivererService(context: context), serviceName: "deliverer"),
            .init(service: HousekeepingService(context: context), serviceName: "housekeeping"),
            .init(service: ReloadService(context: context, path: configPath, hangups: hangups), serviceName: "reload"),
            .init(service: PipelineService(context: context, watcher: watcher), serviceName: "pipeline"),
        ]
        if let notifier { services.append(.init(service: notifier, serviceName: "notifier")) }
        try await ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger)).run()
        logger.notice("stopped; undelivered alerts stay in the outbox")
    }
}

/// What the daemon's services share.
struct DaemonContext: Sendable {
    let corpus: String
    let store: Store
    let current: CurrentConfig
    let nudge: Nudge
    let health: WebhookHealth
    let housekeeping: IdleHousekeeping
    let notifier: SystemdNotifier?
    /// Where the pipeline and the deliverer mark their units of work, for the watchdog.
    let progress: WorkProgress
    let environment: [String: String]
    let logger: Logger
}

/// `IdleHousekeeping` and the hourly pruning of delivered alerts as a service: both run until
/// graceful shutdown.
struct HousekeepingService: Service {
    let context: DaemonContext

    func run() async throws {
        await cancelWhenGracefulShutdown { [context] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await context.housekeeping.run(store: context.store) }
                group.addTask { await context.pruneDeliveredAlerts() }
            }
        }
    }
}

extension DaemonContext {
    /// Prunes delivered alerts older than `retain_days` now and every hour; returns when cancelled.
    func pruneDeliveredAlerts() async {
        while !Task.isCancelled {
            let days = current.snapshot.config.retainDays
            do {
                let pruned = try progress.unit { try store.pruneDelivered(before: Date().addingTimeInterval(-Double(days) * 86_400)) }
                if pruned > 0 { logger.info("delivered alerts pruned", metadata: ["count": "\(pruned)", "retain_days": "\(days)"]) }
            } catch {
                logger.warning("pruning delivered alerts failed; tried again in an hour: \(error)")
            }
            try? await Task.sleep(for: .seconds(3_600))
        }
    }
}
