import Foundation
import StorywatchLexicon
import Testing

/// The committed generated/ dictionaries are what the converter makes of ../shared/lexicons.
struct GeneratedFilesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sources = packageRoot.appendingPathComponent("../shared/lexicons").standardizedFileURL
    static let committed = packageRoot.appendingPathComponent("Sources/StorywatchExtract/Dictionaries/generated")
    static let haveSources = FileManager.default.fileExists(atPath: sources.appendingPathComponent("SOURCES.md").path)

    @Test(.enabled(if: haveSources, "skipped: ../shared/lexicons (the CAMEO and Phoenix sources) is not beside the package"))
    func regenerate_matchesCommittedFilesByteForByte() throws {
        // Given a temp folder
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-lexicon-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let stop = try String(contentsOf: Self.packageRoot.appendingPathComponent("Sources/StorywatchLexicon/cameo-stoplist.txt"),
                              encoding: .utf8)

        // When the converter regenerates into it
        _ = try LexiconGenerator(sources: Self.sources, output: output, stopList: LexiconGenerator.readStopList(stop)).run()

        // Then every file equals the committed one
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: Self.committed.path)).filter { $0.hasSuffix(".txt") }.sorted())
        for name in names {
            let fresh = try Data(contentsOf: output.appendingPathComponent(name))
            let shipped = try Data(contentsOf: Self.committed.appendingPathComponent(name))
            #expect(fresh == shipped, "\(name) differs from a fresh `make lexicon`")
        }
    }
}
