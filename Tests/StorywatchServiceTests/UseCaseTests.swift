import Foundation
import Logging
import StorywatchConfig
import StorywatchService
import StorywatchStore
import StorywatchTesting
import Testing

/// The use cases the CLI formats, run on a state folder of their own.
struct UseCaseTests {
    /// A config file in `dir`: the state in `dir`, one webhook "ops".
    static func configNamingOps(in dir: TempDirectory) throws -> String {
        try dir.write("storywatch.toml", """
            state = "\(dir.absolute("state"))"

            [[webhook]]
            name = "ops"
            url = "http://127.0.0.1:9/hook"
            """)
    }

    @Test func status_whenMoreRowsThanTheListShows_countsThemAllAndListsTheFirst() throws {
        // Given a state with 25 alerts queued for a webhook the config does not name
        let dir = try TempDirectory("usecase")
        defer { dir.remove() }
        let store = try Store.open(directory: dir.absolute("state"))
        try Fixtures.queue(into: store, count: 25, webhooks: ["ops"])

        // When the status is asked
        let report = try StatusUseCase.run(ConfigRequest(path: nil, state: dir.absolute("state"), environment: [:]), listing: true)

        // Then the webhook is reported as not in the config, with every row counted and 20 listed
        #expect(report.developments == 25 && report.outboxPending == 25)
        let webhook = try #require(report.webhooks.first)
        #expect(report.webhooks.count == 1 && webhook.name == "ops" && !webhook.inConfig)
        #expect(webhook.pending == 25 && webhook.dead == 0)
        #expect(webhook.pendingEntries?.count == StatusUseCase.listLimit)
        #expect(webhook.pendingEntries?.first?.developmentID == "dev-1")
    }

    @Test func redeliver_whenWebhookIsNotInTheConfig_refusesWithExitStatusOne() throws {
        // Given a config naming one webhook
        let dir = try TempDirectory("usecase")
        defer { dir.remove() }
        let config = try Self.configNamingOps(in: dir)

        // When another webhook's deliveries are queued again
        let error = #expect(throws: CommandFailure.self) {
            try RedeliverUseCase.run(ids: [], dead: true, webhook: "chat", request: ConfigRequest(path: config, environment: [:]))
        }

        // Then it is refused, naming it, with exit status 1
        #expect(error?.description == "no webhook named chat in the config")
        #expect(error.flatMap { ExitStatus.of($0) } == 1)
    }

    @Test func exitStatus_whenStateOrConfigFails_isTwoOrOne_andNilForOtherErrors() {
        #expect(ExitStatus.of(StoreError.notWritable(directory: "/x")) == 2)
        #expect(ExitStatus.of(ScanError.noCorpusGiven) == 2)
        #expect(ExitStatus.of(ConfigError(problems: [])) == 1)
        #expect(ExitStatus.of(CancellationError()) == nil)
    }

    @Test func exitStatus_whenStateIsLockedOrRunRefusesItsConfig_isSeventyFiveOrSeventyEight() {
        #expect(ExitStatus.of(StoreError.locked(path: "/x/deliver.lock", holder: "42")) == 75)
        #expect(ExitStatus.of(ConfigRefused(ConfigError(problems: []))) == 78)
    }

    @Test func deliver_whenAnotherProcessHoldsTheState_refusesWithExitStatusSeventyFive() async throws {
        // Given a state whose deliver.lock another deliverer holds
        let dir = try TempDirectory("usecase")
        defer { dir.remove() }
        let config = try Self.configNamingOps(in: dir)
        let lock = try StateLock.acquire(directory: dir.absolute("state"))
        defer { withExtendedLifetime(lock) {} }

        // When the outbox is delivered once
        let request = ConfigRequest(path: config, environment: [:])
        let error = await #expect(throws: StoreError.self) {
            _ = try await DeliverUseCase.run(lingerSeconds: 0, request: request, logger: .init(label: "test"))
        }

        // Then it is refused as locked, exit status 75
        #expect(error.flatMap { ExitStatus.of($0) } == 75)
    }
}
