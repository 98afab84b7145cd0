import Logging
import StorywatchConfig

/// `storywatch check-config`: the config read and checked whole, beyond the file itself as a
/// reload checks it (`ConfigCheck`: secrets, corpus, state, dictionaries); what it names.
package enum CheckConfigUseCase {
    package struct Summary: Sendable {
        package var corpus: String?
        package var state: String
        package var webhookCount: Int
    }

    /// Throws `ConfigError` listing every problem.
    package static func run(_ request: ConfigRequest, logger: Logger) throws -> Summary {
        let config = try request.load()
        _ = try ConfigCheck.validate(config, file: request.file ?? ConfigRequest.defaultPath,
                                     environment: request.environment, logger: logger)
        return Summary(corpus: config.corpus, state: config.state, webhookCount: config.webhooks.count)
    }
}
