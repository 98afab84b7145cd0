import Foundation
import StorywatchIngest
import StorywatchTesting
import Testing

struct CorpusListerTests {
    @Test func list_whenHiddenAndTemporaryNames_ignoresThem() throws {
        // Given a corpus with one article and files editors and downloaders leave behind
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("article.txt", "Ministers met.")
        for name in [".hidden.txt", "article.txt~", "article.txt.swp", "feed.part", "feed.tmp", "#article.txt#", ".git/notes.txt"] {
            try dir.write(name, "Ministers met.")
        }

        // When it is listed
        let paths = CorpusLister(root: dir.path).list()

        // Then only the article is listed
        #expect(paths == ["article.txt"])
    }

    @Test(arguments: [".x", "x~", "x.swp", "x.part", "x.tmp", "#x#"])
    func isIgnoredName_whenHiddenOrTemporary_returnsTrue(name: String) {
        #expect(CorpusLister.isIgnoredName(name))
    }

    @Test(arguments: ["x", "x.txt", "x#", "#x", "notes.partial", "tmp.txt"])
    func isIgnoredName_whenOrdinaryName_returnsFalse(name: String) {
        #expect(!CorpusLister.isIgnoredName(name))
    }

    @Test func list_whenSymlinks_doesNotFollowThem() throws {
        // Given a corpus with a symlinked file, a symlinked folder, and a real subfolder
        let dir = try TempDirectory()
        defer { dir.remove() }
        let outside = try TempDirectory()
        defer { outside.remove() }
        try dir.write("a.txt", "Ministers met.")
        try dir.write("sub/b.txt", "Talks resumed.")
        let secret = try outside.write("secret.txt", "Not part of the corpus.")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.txt", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/linkdir", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/again", withDestinationPath: dir.path + "/sub")

        // When it is listed
        let paths = CorpusLister(root: dir.path).list()

        // Then only regular files reached through real folders are listed, sorted
        #expect(paths == ["a.txt", "sub/b.txt"])
    }

    @Test func list_whenIncludeGlob_keepsOnlyMatchingFiles() throws {
        // Given text files, at the top and in a subfolder, next to other files
        let dir = try TempDirectory()
        defer { dir.remove() }
        for name in ["a.txt", "b.md", "sub/c.txt", "sub/d.html"] { try dir.write(name, "Ministers met.") }

        // When it is listed with include = ["*.txt"]
        let paths = CorpusLister(root: dir.path, include: ["*.txt"]).list()

        // Then only the text files are listed, subfolders included
        #expect(paths == ["a.txt", "sub/c.txt"])
    }

    @Test func list_whenExcludeGlob_dropsMatchingFiles() throws {
        // Given a corpus with a drafts folder
        let dir = try TempDirectory()
        defer { dir.remove() }
        for name in ["a.txt", "drafts/b.txt", "drafts/deep/c.txt", "old.bak"] { try dir.write(name, "Ministers met.") }

        // When it is listed with exclude = ["drafts/*", "*.bak"]
        let paths = CorpusLister(root: dir.path, exclude: ["drafts/*", "*.bak"]).list()

        // Then the drafts and backups are left out
        #expect(paths == ["a.txt"])
    }

    @Test func accepts_whenIncludedAndExcluded_excludeWins() {
        // Given a lister that includes text files but excludes drafts
        let lister = CorpusLister(root: "/unused", include: ["*.txt"], exclude: ["drafts/*"])

        // Then a text draft is refused and a text article accepted
        #expect(!lister.accepts(relativePath: "drafts/a.txt"))
        #expect(lister.accepts(relativePath: "news/a.txt"))
        #expect(!lister.accepts(relativePath: "news/a.md"))
    }

    @Test func list_whenRootIsMissing_returnsNothing() throws {
        // Given a root that does not exist
        let dir = try TempDirectory()
        defer { dir.remove() }

        // When it is listed
        // Then nothing is listed
        #expect(CorpusLister(root: dir.path + "/nowhere").list().isEmpty)
    }
}
