import ArgumentParser
import Foundation
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
        let test = try await reporting { try await TestWebhookUseCase.run(name: name, request: global.request()) }
        printLine("webhook:  \(name) (\(test.url))")
        printLine("id:       \(test.webhookID)")
        printLine("time:     \(String(format: "%.0f", test.durationMs)) ms")
        switch test.answer {
        case .response(let status, let body, let truncated):
            printLine("status:   \(status)")
            printLine("response: \(body.isEmpty ? "(empty)" : body)\(truncated ? " …" : "")")
        case .failure(let failure):
            printLine("status:   no answer")
            printLine("error:    \(failure)")
        }
        switch test.verdict {
        case .delivered: printLine("result:   delivered")
        case .retry(let after): printLine("result:   would be retried in \(String(format: "%.0f", after)) s")
        case .park(let reason): printLine("result:   would be parked as dead: \(reason)")
        }
        if test.verdict != .delivered { throw ExitCode(1) }
    }
}
