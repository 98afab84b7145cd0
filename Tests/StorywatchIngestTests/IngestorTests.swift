import Foundation
import StorywatchIngest
import StorywatchModel
import StorywatchTesting
import Testing

struct IngestorTests {
    private let ingestor = Ingestor(maxFileBytes: 10_000)

    @Test func ingest_whenWindows1252Bytes_decodesWithWarning() throws {
        // Given a file with Windows-1252 curly quotes (0x93, 0x94) and a Latin-1 é (0xE9)
        let dir = try TempDirectory()
        defer { dir.remove() }
        var bytes = Array("The minister said ".utf8)
        bytes += [0x93] + Array("we will not move".utf8) + [0x94]
        bytes += Array(" after lunch at the Caf".utf8) + [0xE9] + Array(" Royal.".utf8)
        let path = try dir.write("old-wire.txt", bytes: bytes)

        // When it is ingested
        let file = try ingestor.ingest(absolutePath: path, relativePath: "old-wire.txt")

        // Then the text is decoded, quotes straightened, and the document carries a warning
        #expect(file.document.items.map(\.text) == ["The minister said \"we will not move\" after lunch at the Café Royal."])
        #expect(file.document.warnings.count == 1)
        #expect(file.document.warnings.first?.contains("old-wire.txt") == true)
        #expect(file.document.warnings.first?.contains("Windows-1252") == true)
    }

    @Test func ingest_whenValidUTF8_givesNoWarning() throws {
        // Given a UTF-8 file with non-ASCII letters
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("utf8.txt", "The mayor of Malmö opened the new bridge on Sunday.")

        // When it is ingested
        let file = try ingestor.ingest(absolutePath: path, relativePath: "utf8.txt")

        // Then it is read as is, with no warning
        #expect(file.document.items.map(\.text) == ["The mayor of Malmö opened the new bridge on Sunday."])
        #expect(file.document.warnings.isEmpty)
    }

    @Test func ingest_whenUTF8ByteOrderMark_stripsIt() throws {
        // Given a UTF-8 file that starts with a byte-order mark
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Police closed the old bridge on Friday.".utf8))

        // When it is ingested
        let file = try ingestor.ingest(absolutePath: path, relativePath: "bom.txt")

        // Then the text starts with its first word and no fallback warning is given
        #expect(file.document.items.map(\.text) == ["Police closed the old bridge on Friday."])
        #expect(file.document.warnings.isEmpty)
    }

    @Test func decode_whenUTF8ByteOrderMark_dropsItFromText() {
        // Given bytes with a byte-order mark
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Police".utf8)

        // When they are decoded
        let decoded = TextDecoding.decode(bytes)

        // Then the mark is gone and UTF-8 was used
        #expect(decoded.text == "Police")
        #expect(!decoded.usedFallback)
    }

    @Test func ingest_whenFileIsBinary_throwsBinaryWithRelativePath() throws {
        // Given a file with a NUL byte in the middle of text
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("sub/mixed.txt", bytes: Array("Talks resumed".utf8) + [0x00] + Array(" on Monday.".utf8))

        // When it is ingested
        // Then it is skipped as binary, named by its path relative to the corpus
        #expect(throws: IngestError.binary(path: "sub/mixed.txt")) {
            try ingestor.ingest(absolutePath: path, relativePath: "sub/mixed.txt")
        }
    }

    @Test func ingest_whenFileVanished_throwsVanished() throws {
        // Given a file that was deleted before it was read
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("brief.txt", "Talks resumed on Monday.")
        try FileManager.default.removeItem(atPath: path)

        // When it is ingested
        // Then it is reported as vanished
        #expect(throws: IngestError.vanished(path: "brief.txt")) {
            try ingestor.ingest(absolutePath: path, relativePath: "brief.txt")
        }
    }

    @Test func ingest_whenDatelineHasNoYear_usesFileDateAsFallback() throws {
        // Given a wire story dated "April 18" whose file was last modified on 2019-03-01
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("wire.txt", "OSLO, April 18 - The government resigned on Thursday after losing a vote.")
        let march2019 = Date(timeIntervalSince1970: 1_551_441_600) // 2019-03-01 12:00 UTC
        try FileManager.default.setAttributes([.modificationDate: march2019], ofItemAtPath: path)

        // When it is ingested
        let file = try ingestor.ingest(absolutePath: path, relativePath: "wire.txt")

        // Then the dateline is placed in the year before the file date
        #expect(file.document.layout == .wire)
        #expect(file.document.date == Day(year: 2018, month: 4, day: 18))
    }
}
