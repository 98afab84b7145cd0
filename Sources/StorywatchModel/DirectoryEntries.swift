#if canImport(Glibc)
import Glibc
#endif

/// The entries of one folder, read with opendir(3)/readdir(3) — the one place the corpus
/// listing, the inotify watcher and the polling fallback read folders. "." and ".." are left out.
package enum DirectoryEntries {
    /// Names and `d_type` (DT_REG, DT_DIR, DT_UNKNOWN …) of the folder's entries; nil when it cannot be opened.
    package static func list(_ path: String) -> [(name: String, type: UInt8)]? {
        guard let dir = FileName.withPath(path, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                FileName.decode(raw.prefix { $0 != 0 })
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }
}
