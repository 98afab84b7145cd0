import Foundation
import StorywatchTesting
import Testing

@Suite(.enabled(if: StorywatchBinary.path != nil, "storywatch is not built: run `swift build` first"))
struct ExtractCommandTests {
    @Test func extract_whenDatelineHasNoYear_takesTheYearOfTheFilesModificationDay() async throws {
        // Given a wire story whose dateline names no year, last modified in June 2024
        let dir = try TempDirectory("extract")
        defer { dir.remove() }
        let file = try dir.write("wire.txt", "OSLO, March 3 (Wire) - Norway expelled three Russian diplomats on Tuesday, the foreign ministry said.\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_718_409_600)], // 2024-06-15
                                              ofItemAtPath: file)

        // When its events are extracted
        let result = try await StorywatchBinary.run(["extract", "--format", "jsonl", "wire.txt"], in: dir.path)

        // Then the event is dated in 2024, as the pipeline dates it, not in the year of the run
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"date\":\"2024-02-27\""))
    }
}
