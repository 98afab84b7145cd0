import Foundation
import Logging
import StorywatchConfig
import StorywatchIngest
import StorywatchModel
@testable import StorywatchService
import StorywatchStore
import StorywatchTesting
import Testing

/// A text that kills the process while it is read must not stop the corpus for good, and a kill
/// from outside must lose nothing (`ReadingMarker`).
struct ReadingMarkerTests {
    /// A truce, a raid that breaks it (the version a crash stopped in), and a second raid added later.
    static let texts = (truce: "LUSAKA, May 2, 2031 - Malawi and Zambia agreed a ceasefire along their border on Friday.\n",
                        raid: "LUSAKA, May 6, 2031 - Malawian troops shelled a Zambian border post on Tuesday, breaking the ceasefire.\n",
                        secondRaid: "\nMalawian artillery shelled a second Zambian post on Wednesday May 7, breaking the truce again, officials said.\n")

    /// A process killed once while reading (a SIGKILL, an OOM kill) loses nothing: the version is
    /// read again. Three processes stopped by one version: it is skipped, then its next version read.
    @Test(arguments: [(stops: 1, skipped: false), (stops: ReadingMarker.attemptsBeforeSkip, skipped: true)])
    func scan_whenProcessesStoppedWhileReadingAVersion_readsItAgainOrSkipsIt(_ stops: Int, _ skipped: Bool) throws {
        let folder = try TempDirectory("reading-marker")
        defer { folder.remove() }
        try folder.makeFolder("corpus")
        try folder.makeFolder("state")
        _ = try folder.write("corpus/01.txt", Self.texts.truce)
        var config = StorywatchConfig()
        config.corpus = folder.absolute("corpus")
        config.state = folder.absolute("state")
        let store = try Store.open(directory: config.state)
        #expect(try pass(config, store).run().isEmpty)

        // Given processes that stopped while reading the raid's report
        let raid = try folder.write("corpus/02.txt", Self.texts.raid)
        let hash = try Ingestor(maxFileBytes: config.maxFileBytes).ingest(absolutePath: raid, relativePath: "02.txt").content.hash
        try "\(hash)\t\(stops)\t02.txt\n".write(toFile: config.state + "/reading", atomically: true, encoding: .utf8)

        // When the next process scans: the version is read again, or skipped and recorded; the mark is gone
        let alerts = try pass(config, store).run()
        #expect(alerts.map(\.development.kind) == (skipped ? [] : [.violation]), "\(alerts.map(\.development.summary))")
        #expect(try store.document(path: "02.txt")?.hash == hash)
        #expect(!FileManager.default.fileExists(atPath: config.state + "/reading"))
        guard skipped else { return }

        // Then the file's next version is read: its new item raises what it tells
        let handle = try #require(FileHandle(forWritingAtPath: raid))
        handle.seekToEndOfFile()
        handle.write(Data(Self.texts.secondRaid.utf8))
        try handle.close()
        let next = try pass(config, store).run()
        #expect(next.map(\.development.kind) == [.violation], "\(next.map(\.development.summary))")
        #expect(next.first?.development.event.quote.contains("second") == true)
    }

    private func pass(_ config: StorywatchConfig, _ store: Store) throws -> ScanPass {
        let logger = Logger(label: "test")
        return ScanPass(config: config, store: store, extractor: try ExtractorFactory.make(config: config, logger: logger), logger: logger)
    }
}
