import StorywatchConfig

/// `storywatch check-config`: the config read and checked whole; what it names.
package enum CheckConfigUseCase {
    package struct Summary: Sendable {
        package var corpus: String?
        package var state: String
        package var webhookCount: Int
    }

    /// Throws `ConfigError` listing every problem.
    package static func run(_ request: ConfigRequest) throws -> Summary {
        let config = try request.load()
        return Summary(corpus: config.corpus, state: config.state, webhookCount: config.webhooks.count)
    }
}
