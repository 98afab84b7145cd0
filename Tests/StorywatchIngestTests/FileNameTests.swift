import Foundation
import Glibc
import StorywatchIngest
import StorywatchModel
import StorywatchTesting
import Testing

/// File names that are not UTF-8 are listed, read and shown with `\xNN`, never skipped.
struct FileNameTests {
    @Test(arguments: [
        [UInt8]("plain-name.txt".utf8), [UInt8]("Malmö.txt".utf8), [0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74],
        [0xff, 0xfe, 0x41], [0xe2, 0x82], Array(#"back\x41slash\xzz.txt"#.utf8), [0x5c, 0xe9, 0x5c],
    ])
    func decode_thenFileSystemBytes_givesTheOriginalBack(bytes: [UInt8]) {
        let name = FileName.decode(bytes)
        #expect(FileName.fileSystemBytes(name).dropLast().map { UInt8(bitPattern: $0) } == bytes, "\(name)")
    }

    @Test func decode_whenLatin1Name_showsTheInvalidByteAsHex() {
        #expect(FileName.decode([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]) == #"caf\xe9.txt"#)
        #expect(FileName.decode(Array("Malmö.txt".utf8)) == "Malmö.txt")
    }

    /// Creates the file at raw path bytes with `text`, or a folder when `text` is nil.
    private func create(_ path: [UInt8], _ text: String?) throws {
        let cPath = (path + [0]).map { CChar(bitPattern: $0) }
        guard let text else {
            #expect(mkdir(cPath, 0o755) == 0)
            return
        }
        let handle = try #require(fopen(cPath, "w"))
        fputs(text, handle)
        fclose(handle)
    }

    @Test func list_whenFileAndFolderNamesAreNotUTF8_listsAndReadsEveryFile() throws {
        // Given a Latin-1 file name and a file under a Latin-1 folder name
        let dir = try TempDirectory()
        defer { dir.remove() }
        let root = Array((dir.path + "/").utf8)
        let folder = root + Array("d".utf8) + [0xe9, 0x70, 0xea, 0x63, 0x68, 0x65, 0x73]
        try create(root + [0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74], "First article.")
        try create(folder, nil)
        try create(folder + Array("/second.txt".utf8), "Second article.")

        // When the corpus is listed and each file ingested
        let listed = CorpusLister(root: dir.path).list()
        let texts = try listed.map { rel in
            try Ingestor(maxFileBytes: 1_000).ingest(absolutePath: dir.path + "/" + rel, relativePath: rel)
                .document.items.map(\.text).joined()
        }

        // Then both are listed under their \xNN names and read
        #expect(listed == [#"caf\xe9.txt"#, #"d\xe9p\xeaches/second.txt"#])
        #expect(texts == ["First article.", "Second article."])
    }
}
