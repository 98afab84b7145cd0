import Foundation
import StorywatchIngest
import StorywatchModel
import StorywatchTesting
import Testing

struct FileReaderTests {
    private let reader = FileReader(maxFileBytes: 1_000)

    @Test func read_whenFileHasNulBytes_throwsBinary() throws {
        // Given a file with NUL bytes in it
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("photo.jpg", bytes: [0xFF, 0xD8, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00])

        // When it is read
        // Then it is refused as binary, named by its display path
        #expect(throws: IngestError.binary(path: "photo.jpg")) {
            try reader.read(absolutePath: path, displayPath: "photo.jpg")
        }
    }

    @Test func read_whenFileIsEmpty_throwsEmpty() throws {
        // Given an empty file
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("empty.txt", "")

        // When it is read
        // Then it is refused as empty
        #expect(throws: IngestError.empty(path: "empty.txt")) {
            try reader.read(absolutePath: path, displayPath: "empty.txt")
        }
    }

    @Test func read_whenFileIsOverLimit_throwsTooLarge() throws {
        // Given a 40-byte file and a 32-byte limit
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("long.txt", String(repeating: "news ", count: 8))
        let small = FileReader(maxFileBytes: 32)

        // When it is read
        // Then it is refused with its size and the limit
        #expect(throws: IngestError.tooLarge(path: "long.txt", size: 40, limit: 32)) {
            try small.read(absolutePath: path, displayPath: "long.txt")
        }
    }

    @Test func read_whenFileIsExactlyAtLimit_readsIt() throws {
        // Given a file exactly as large as the limit
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("fits.txt", String(repeating: "news ", count: 8))

        // When it is read with a 40-byte limit
        let content = try FileReader(maxFileBytes: 40).read(absolutePath: path, displayPath: "fits.txt")

        // Then all its bytes are there
        #expect(content.bytes.count == 40)
        #expect(content.stamp.size == 40)
    }

    @Test func read_whenFileIsMissing_throwsVanished() throws {
        // Given a path where no file exists
        let dir = try TempDirectory()
        defer { dir.remove() }

        // When it is read
        // Then it is reported as vanished
        #expect(throws: IngestError.vanished(path: "gone.txt")) {
            try reader.read(absolutePath: dir.path + "/gone.txt", displayPath: "gone.txt")
        }
    }

    @Test func read_whenPathIsSymlink_throwsVanished() throws {
        // Given a symlink to a readable article
        let dir = try TempDirectory()
        defer { dir.remove() }
        let target = try dir.write("real.txt", "Ministers met on Monday.")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.txt", withDestinationPath: target)

        // When the link is read
        // Then it is not followed
        #expect(throws: IngestError.vanished(path: "link.txt")) {
            try reader.read(absolutePath: dir.path + "/link.txt", displayPath: "link.txt")
        }
    }

    @Test func read_whenFileIsText_returnsBytesStampAndHash() throws {
        // Given a small text file
        let dir = try TempDirectory()
        defer { dir.remove() }
        let text = "Ministers met on Monday."
        let path = try dir.write("note.txt", text)

        // When it is read
        let content = try reader.read(absolutePath: path, displayPath: "note.txt")

        // Then the bytes, size and content hash match the file
        #expect(content.bytes == Array(text.utf8))
        #expect(content.stamp.size == Int64(text.utf8.count))
        #expect(content.hash == ContentHash.hex(Array(text.utf8)))
        #expect(content.stamp == FileStamp.of(path: path))
    }
}
