/// A party to an event: `code` is a 3-letter root (ISO alpha-3, UNO, EUR, IGO, …) plus optional
/// 3-letter suffixes (RUSGOV, PSEREB); `name` is the text's words.
package struct Actor: Sendable, Hashable, Codable {
    package var code: String
    package var name: String
    package var role: String?

    package init(code: String, name: String, role: String? = nil) {
        self.code = code
        self.name = name
        self.role = role
    }

    /// The first three letters: what storylines and scorers compare.
    package var root: String {
        // A code's first four bytes ASCII and no carriage return (every shipped code): its first
        // three characters are its first three bytes, taken without breaking it into characters.
        let utf8 = code.utf8
        var end = utf8.startIndex, n = 0
        while end != utf8.endIndex, n < 4 {
            let b = utf8[end]
            guard b < 0x80, b != 0x0D else { return String(code.prefix(3)) }
            if n < 3 { end = utf8.index(after: end) }
            n += 1
        }
        return String(code[..<end])
    }
}
