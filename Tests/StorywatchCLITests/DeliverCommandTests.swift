import Foundation
import StorywatchStore
import StorywatchTesting
import Testing

/// `storywatch deliver`, `status`, `redeliver` and `test-webhook` as a user runs them.
@Suite(.enabled(if: StorywatchBinary.path != nil, "storywatch is not built: run `swift build` first"))
struct DeliverCommandTests {
    /// A state folder with one queued alert and a config naming it and the receiver.
    struct Setup {
        let directory: String
        let config: String
        let store: Store

        init(url: String, format: String = "cloudevents") throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-dl-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            store = try Store.open(directory: directory + "/state")
            try Fixtures.queue(into: store, count: 1, webhooks: ["ops"])
            config = directory + "/storywatch.toml"
            try Data("""
                state = "\(directory)/state"

                [[webhook]]
                name = "ops"
                url = "\(url)"
                format = "\(format)"
                secret = "\(Fixtures.secret)"
                timeout = 5
                """.utf8).write(to: URL(fileURLWithPath: config))
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Runs to the end, with no proxy between it and the local receiver.
    static func run(_ arguments: [String]) async throws -> CommandResult {
        try await StorywatchBinary.run(arguments, timeout: 30, environment: ["no_proxy": "*"])
    }

    @Test func deliver_whenKilledBetweenSendAndCommit_sendsAgainWithSameId() async throws {
        // Given a receiver that holds its first answer, and one queued alert
        let receiver = try await Receiver(replies: [Reply(holdUntilFile: "/nonexistent/storywatch-never")])
        defer { receiver.stop() }
        let setup = try Setup(url: receiver.url)
        defer { setup.remove() }

        // When `deliver --once` is killed -9 after the request went out, before the answer
        let first = try StorywatchBinary.start(["deliver", "--once", "--config", setup.config],
                                               environment: ["no_proxy": "*"])
        #expect(await receiver.waitForRequests(1).count == 1) // (the receiver holds its answer meanwhile)
        first.kill()
        _ = try await first.finish()

        // Then nothing was recorded: the alert is still pending with no attempt
        let row = try #require(try setup.store.outboxEntries(state: .pending).first)
        #expect(row.attempts == 0)

        // When `deliver --once` runs again
        let second = try await Self.run(["deliver", "--once", "--config", setup.config])

        // Then it is sent again with the same webhook-id, and recorded as delivered
        #expect(second.status == 0)
        let seen = await receiver.waitForRequests(2)
        #expect(seen.count == 2)
        #expect(seen.map { $0.headers["webhook-id"] } == ["dev-1", "dev-1"])
        #expect(try setup.store.outboxEntry(id: row.id)?.state == .delivered)
    }

    @Test func status_whenDeadThenRedelivered_listsAndSendsIt() async throws {
        // Given an alert the receiver refused with 400
        let receiver = try await Receiver(replies: [Reply(status: 400, body: "bad payload")])
        defer { receiver.stop() }
        let setup = try Setup(url: receiver.url)
        defer { setup.remove() }
        #expect(try await Self.run(["deliver", "--once", "--config", setup.config]).status == 0)

        // When status is asked
        let status = try await Self.run(["status", "--pending", "--config", setup.config])

        // Then it lists the dead alert under its webhook
        #expect(status.status == 0)
        #expect(status.stdout.contains("webhook ops: 0 pending, 1 dead, 0 delivered"))
        #expect(status.stdout.contains("dead #1 dev-1 [reversal] attempts 1: HTTP 400: bad payload"))

        // When it is redelivered and delivered
        let redeliver = try await Self.run(["redeliver", "--dead", "--config", setup.config])
        #expect(redeliver.stdout == "queued 1 delivery again\n")
        #expect(try await Self.run(["deliver", "--once", "--config", setup.config]).status == 0)

        // Then the webhook has it
        #expect(try await Self.run(["status", "--config", setup.config]).stdout
            .contains("webhook ops: 0 pending, 0 dead, 1 delivered"))
        #expect(receiver.requests().count == 2)
    }

    @Test func testWebhook_when200_printsStatusTimeAndResponse() async throws {
        let receiver = try await Receiver(fallback: Reply(status: 200, body: "ok, got it"))
        defer { receiver.stop() }
        let setup = try Setup(url: receiver.url, format: "slack")
        defer { setup.remove() }

        let result = try await Self.run(["test-webhook", "ops", "--config", setup.config])

        #expect(result.status == 0)
        #expect(result.stdout.contains("status:   200"))
        #expect(result.stdout.contains("response: ok, got it"))
        #expect(result.stdout.contains("result:   delivered"))
        #expect(result.stdout.contains(" ms\n"))
        let seen = try #require(receiver.requests().first)
        #expect(seen.body.contains("Test alert"))
        #expect(seen.headers["webhook-signature"]?.hasPrefix("v1,") == true)
        // Nothing was recorded
        #expect(try setup.store.outboxEntries(state: .pending).count == 1)
    }
}
