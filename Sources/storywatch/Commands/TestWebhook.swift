import ArgumentParser
import Foundation
import StorywatchConfig
import StorywatchDeliver
import StorywatchService

struct TestWebhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-webhook",
        abstract: "Send a sample alert to a webhook through the real delivery path; print status, time, response.",
        discussion: "Nothing is recorded in the state. Exit status 0 when the webhook answered 2xx, 1 otherwise.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The webhook's name in the config.")
    var name: String

    func run() async throws {
        let config = try global.loadConfig()
        do {
            let test = try await CurlTransport.with { transport in
                try await DeliveryService.testWebhook(name: name, config: config, transport: transport)
            }
            printLine("webhook:  \(name) (\(WebhookTarget.redacted(url: test.request.url)))")
            printLine("id:       \(test.request.header("webhook-id") ?? "")")
            printLine("time:     \(String(format: "%.0f", test.result.durationMs)) ms")
            switch test.result.outcome {
            case .success(let response):
                printLine("status:   \(response.status)")
                let body = String(decoding: response.body.prefix(2_000), as: UTF8.self)
                printLine("response: \(body.isEmpty ? "(empty)" : body)\(response.bodyTruncated ? " …" : "")")
            case .failure(let failure):
                printLine("status:   no answer")
                printLine("error:    \(failure.description)")
            }
            switch test.action {
            case .delivered: printLine("result:   delivered")
            case .retry(let after): printLine("result:   would be retried in \(String(format: "%.0f", after)) s")
            case .park(let reason): printLine("result:   would be parked as dead: \(reason)")
            }
            if test.action != .delivered { throw ExitCode(1) }
        } catch let error as DeliveryError {
            throw failure(error, exit: 1)
        }
    }
}
