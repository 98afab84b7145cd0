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
        // (Read from the bytes in place: asked of every party a rule compares. A code with no
        // more bytes than its root's is its own root, returned as it is.)
        let root = code.utf8.withContiguousStorageIfAvailable { p -> String? in
            Self.rootByteCount(p).map { $0 == p.count ? code : String(decoding: UnsafeBufferPointer(rebasing: p[..<$0]), as: UTF8.self) }
        }
        return (root ?? nil) ?? String(code.prefix(3))
    }

    /// How many bytes of a code are its root, when its first four bytes are ASCII and none a
    /// carriage return (every shipped code): then its first three characters are its first three
    /// bytes, found without breaking it into characters. Nil for other codes.
    @inlinable static func rootByteCount(_ code: UnsafeBufferPointer<UInt8>) -> Int? {
        for k in 0..<min(4, code.count) where code[k] >= 0x80 || code[k] == 0x0D { return nil }
        return min(3, code.count)
    }

    /// `self.root == root`, compared in place (rules compare the parties' roots often).
    @inlinable package func hasRoot(_ root: String) -> Bool {
        var code = code, root = root
        let same = code.withUTF8 { c in
            root.withUTF8 { r -> Bool? in
                guard let n = Self.rootByteCount(c) else { return nil }
                return r.count == n && r.elementsEqual(c[..<n])
            }
        }
        return same ?? (self.root == root)
    }

    /// Sectors of a state root that are not the state: each is a side of its own against the
    /// government of the same country (design §2, Side): rebels, insurgents, the opposition,
    /// parties, separatists, organised labour.
    package static let nonStateSectors: Set<String> = ["REB", "INS", "OPP", "PTY", "SEP", "LAB"]

    /// Who the actor stands with in a storyline (design §2): the root for a state and its
    /// sectors, the root and its sector for a non-state group of a country ("SYRREB" against
    /// "SYR"). Roots that are no state (IGO, IMG, NGO…) are their own side.
    package var side: String {
        let root = root
        guard code.utf8.count >= 6 else { return root }
        let sector = String(code.dropFirst(3).prefix(3))
        return Self.nonStateSectors.contains(sector) ? root + sector : root
    }
}

