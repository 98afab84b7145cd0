import Foundation
import StorywatchModel
#if canImport(Glibc)
import Glibc
#endif

/// Lists the article files under a corpus root: regular files only, symlinks not followed,
/// hidden and temporary names left out until they are renamed (design §5).
package struct CorpusLister: Sendable {
    package var root: String
    package var include: [String]
    package var exclude: [String]

    package init(root: String, include: [String] = [], exclude: [String] = []) {
        self.root = root
        self.include = include
        self.exclude = exclude
    }

    /// Relative paths, sorted so passes are deterministic.
    package func list() -> [String] {
        var result: [String] = []
        walk(relative: "", into: &result)
        return result.sorted()
    }

    /// True for names the watcher and the scan both ignore (.*, *~, *.swp, *.part, *.tmp, #*#).
    package static func isIgnoredName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }
        for suffix in [".swp", ".swx", ".part", ".tmp", ".crdownload"] where name.hasSuffix(suffix) { return true }
        return false
    }

    /// Whether a relative path passes the include and exclude globs.
    package func accepts(relativePath: String) -> Bool {
        let name = (relativePath as NSString).lastPathComponent
        if Self.isIgnoredName(name) { return false }
        if !include.isEmpty && !include.contains(where: { Self.glob($0, matches: relativePath) || Self.glob($0, matches: name) }) {
            return false
        }
        return !exclude.contains(where: { Self.glob($0, matches: relativePath) || Self.glob($0, matches: name) })
    }

    private func walk(relative: String, into result: inout [String]) {
        let dirPath = relative.isEmpty ? root : root + "/" + relative
        for (name, _) in DirectoryEntries.list(dirPath) ?? [] {
            if Self.isIgnoredName(name) { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard FileName.withPath(root + "/" + rel, { lstat($0, &info) }) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(relative: rel, into: &result)
            case S_IFREG: if accepts(relativePath: rel) { result.append(rel) }
            default: continue // symlinks, sockets, devices
            }
        }
    }

    /// fnmatch(3) glob, with `*` crossing directories as users expect from "*.txt".
    static func glob(_ pattern: String, matches path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}
