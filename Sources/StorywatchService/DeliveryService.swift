import Foundation
import Logging
import StorywatchConfig
import StorywatchDeliver
import StorywatchModel
import StorywatchStore

/// The store's outbox as the deliver stage's queue; each read and write is a unit of work of
/// `progress` (the daemon's watchdog reads it).
package struct StoreOutboxQueue: OutboxQueue {
    package let store: Store
    package let progress: WorkProgress

    package init(store: Store, progress: WorkProgress = WorkProgress()) {
        self.store = store
        self.progress = progress
    }

    package func due(webhook: String, now: Date, excluding: Set<Int64>, limit: Int) throws -> [OutboxMessage] {
        try progress.unit {
            try store.dueOutbox(webhook: webhook, now: now, excluding: excluding, limit: limit).map { entry in
                OutboxMessage(id: entry.id, developmentID: entry.developmentID, webhook: entry.webhook,
                              attempts: entry.attempts, queuedAt: entry.createdAt, alert: entry.alert ?? Data())
            }
        }
    }

    package func nextDue(webhooks: [String]) throws -> Date? {
        try progress.unit { try store.nextOutboxAttempt(webhooks: webhooks) }
    }

    package func record(_ attempts: [DeliveryAttempt]) throws {
        try progress.unit { try store.recordOutboxAttempts(attempts) }
        PipelineMetrics.delivered(attempts, store: store)
    }
}

/// Wires the deliver stage to the config and the store, for `deliver`, `test-webhook` and `run`.
package enum DeliveryService {
    /// The webhook as the deliver stage sees it, its secrets read now (from the config, a file,
    /// or `$CREDENTIALS_DIRECTORY`). Throws `DeliveryError` naming the webhook, never the secret.
    package static func endpoint(_ hook: WebhookConfig, environment: [String: String]) throws(DeliveryError) -> WebhookEndpoint {
        let secrets: [String]
        switch hook.secret {
        case nil: secrets = []
        case .inline(let list): secrets = list
        case .file(let path): secrets = try readSecrets(path: path, webhook: hook.name)
        case .credential(let name):
            let directory = environment["CREDENTIALS_DIRECTORY"] ?? ""
            secrets = try readSecrets(path: directory + "/" + name, webhook: hook.name)
        }
        let format = WebhookEndpoint.Format(rawValue: hook.format.rawValue) ?? .cloudevents
        var endpoint = WebhookEndpoint(name: hook.name, url: hook.url, format: format, secrets: secrets, headers: hook.headers,
                               timeoutSeconds: hook.timeoutSeconds, maxRetrySeconds: hook.maxRetryHours * 3_600,
                               maxInFlight: hook.maxInFlight,
                               ntfyPriorities: WebhookEndpoint.defaultNtfyPriorities.merging(hook.priorities) { $1 },
                               spacingSeconds: hook.rate?.spacing)
        endpoint.linkTemplate = hook.linkTemplate
        return endpoint
    }

    /// One secret a line; blank lines and `#` comments skipped.
    static func readSecrets(path: String, webhook: String) throws(DeliveryError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableSecret(webhook: webhook, path: path)
        }
        let secrets = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        // A file named for secrets but empty is a truncated one: sending unsigned would hide that.
        guard !secrets.isEmpty else { throw .emptySecretFile(webhook: webhook, path: path) }
        return secrets
    }

    /// One worker over the store's outbox per configured webhook; a webhook whose secret cannot
    /// be read or decoded is parked, the others deliver.
    /// `progress`: where the workers' outbox reads and writes are marked as units of work.
    package static func worker(config: StorywatchConfig, store: Store, transport: any HTTPTransport, logger: Logger,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               progress: WorkProgress = WorkProgress()) -> DeliveryPool {
        var workers: [(webhook: String, worker: DeliveryWorker)] = []
        var parked: [DeliveryPool.Parked] = []
        for hook in config.webhooks {
            do throws(DeliveryError) {
                var worker = try DeliveryWorker(endpoints: [try endpoint(hook, environment: environment)],
                                                queue: StoreOutboxQueue(store: store, progress: progress),
                                                transport: transport, logger: logger)
                worker.healthThreshold = hook.failingAfterSeconds
                workers.append((hook.name, worker))
            } catch {
                parked.append(DeliveryPool.Parked(webhook: hook.name, reason: error.description))
            }
        }
        var pool = DeliveryPool(workers: workers, parked: parked, logger: logger)
        pool.stateDirectory = config.state
        pool.secretProblem = { name in
            config.webhooks.first { $0.name == name }.flatMap { ConfigCheck.secretProblem($0, environment: environment) }
        }
        return pool
    }

    /// What `test-webhook` prints.
    package struct TestResult: Sendable {
        package var request: HTTPRequest
        package var result: HTTPResult
        /// What the retry policy would do with this answer on a first attempt.
        package var action: RetryAction
    }

    /// Sends a sample alert to `name` through the real path (format, signature, libcurl); records nothing.
    package static func testWebhook(name: String, config: StorywatchConfig, transport: any HTTPTransport,
                                    environment: [String: String] = ProcessInfo.processInfo.environment,
                                    now: Date = Date()) async throws(DeliveryError) -> TestResult {
        guard let hook = config.webhooks.first(where: { $0.name == name }) else { throw .unknownWebhook(name) }
        let endpoint = try endpoint(hook, environment: environment)
        let builder = try WebhookRequestBuilder(endpoint: endpoint)
        let alert = sampleAlert(now: now)
        let request = builder.request(id: alert.id, alert: alert.jsonData(), now: now)
        let result = await transport.send(request)
        let action = RetryPolicy(maxRetrySeconds: endpoint.maxRetrySeconds)
            .action(for: result.outcome, attempt: 1, queuedAt: now, now: now, random: 0.5,
                    discordBody: endpoint.format == .discord)
        return TestResult(request: request, result: result, action: action)
    }

    /// A made-up reversal, clearly labelled as a test, with a fresh id.
    package static func sampleAlert(now: Date) -> Alert {
        let union = Actor(code: "XXXLAB", name: "the test union")
        let operatorActor = Actor(code: "XXXBUS", name: "the test operator")
        let event = Event(source: union, target: operatorActor, type: .reject, mode: "offer", status: .refused,
                          document: "storywatch-test.txt",
                          quote: "This is a test alert from storywatch test-webhook: the union rejected the offer.")
        let previous = Event(source: union, target: operatorActor, type: .agree, mode: "offer", status: .proposed,
                             document: "storywatch-test.txt", quote: "The union proposed to accept the offer.")
        let development = Development(
            id: "test-" + UUID().uuidString.lowercased(), kind: .reversal,
            summary: "Test alert: the test union reversed its stance on the offer",
            storyline: StorylineRef(id: "XXX-XXX", title: "XXX – XXX (test)", actors: ["XXX"]),
            event: event, previous: previous)
        return Alert(development: development, source: "storywatch://\(ProcessInfo.processInfo.hostName)/test-webhook",
                     time: now)
    }
}
