/// A party to an event: `code` is a 3-letter root (ISO alpha-3, UNO, EUR, IGO, …) plus optional
/// 3-letter suffixes (RUSGOV, PSEREB); `name` is the text's words.
package struct Actor: Sendable, Hashable, Codable {
    package var code: String
    package var name: String
    package var role: String?

    // (Inlinable, as the Event's init, `root` and `hasRoot`: extraction builds and compares
    // parties in its inner loops, and a call across modules copies what it is handed.)
    @inlinable package init(code: String, name: String, role: String? = nil) {
        self.code = code
        self.name = name
        self.role = role
    }

    /// The first three letters: what storylines and scorers compare.
    @inlinable package var root: String {
        // A code's first four bytes ASCII and no carriage return (every shipped code): its first
        // three characters are its first three bytes, taken without breaking it into characters.
        // (Read from the bytes in place: asked of every party a rule compares.)
        let root = code.utf8.withContiguousStorageIfAvailable { p -> String? in
            for k in 0..<min(4, p.count) where p[k] >= 0x80 || p[k] == 0x0D { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: p[..<min(3, p.count)]), as: UTF8.self)
        }
        return (root ?? nil) ?? String(code.prefix(3))
    }

    /// `self.root == root`, compared in place (rules compare the parties' roots often).
    @inlinable package func hasRoot(_ root: String) -> Bool {
        var code = code, root = root
        let same = code.withUTF8 { c in
            root.withUTF8 { r -> Bool? in
                // As `root` reads it: a code whose first four bytes are ASCII, no carriage return.
                for k in 0..<min(4, c.count) where c[k] >= 0x80 || c[k] == 0x0D { return nil }
                let n = min(3, c.count)
                guard r.count == n else { return false }
                for k in 0..<n where c[k] != r[k] { return false }
                return true
            }
        }
        return same ?? (self.root == root)
    }
}
