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
    package var root: String { String(code.prefix(3)) }
}
