import Foundation
import Logging
import StorywatchConfig
import StorywatchModel
import StorywatchService
import StorywatchStore
import StorywatchTesting

/// A state built by scanning our example corpus (examples/corpus) into a temporary folder, or the
/// files of it that a test names; removed by `remove()`.
struct ExampleState {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/corpus").path

    let folder: TempDirectory
    let root: String
    let config: StorywatchConfig
    let store: Store
    /// The alerts the scan printed.
    let alerts: [Alert]

    /// Scans `files` of the example corpus (all when nil); `webhooks` are configured by name.
    init(files: [String]? = nil, webhooks: [String] = []) throws {
        folder = try TempDirectory("browse")
        root = folder.path
        let corpus = root + "/corpus"
        try folder.makeFolder("corpus")
        let names = try files ?? FileManager.default.contentsOfDirectory(atPath: Self.examples).filter { $0.hasSuffix(".txt") }
        for name in names { try Self.copy(name, into: corpus) }
        var config = StorywatchConfig()
        config.corpus = corpus
        config.state = root + "/state"
        config.webhooks = webhooks.map { WebhookConfig(name: $0, url: "http://127.0.0.1:9/\($0)") }
        self.config = config
        store = try Store.open(directory: config.state)
        alerts = try Self.scan(config: config, store: store)
    }

    static func copy(_ name: String, into corpus: String) throws {
        try FileManager.default.copyItem(atPath: examples + "/" + name, toPath: corpus + "/" + name)
    }

    /// One more pass, after a test changed the corpus.
    static func scan(config: StorywatchConfig, store: Store) throws -> [Alert] {
        let logger = Logger(label: "test")
        return try ScanPass(config: config, store: store, extractor: try ExtractorFactory.make(config: config, logger: logger),
                            logger: logger).run()
    }

    func remove() { folder.remove() }
}
