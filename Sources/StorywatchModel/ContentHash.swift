import Crypto
import Foundation

/// Content hashes: SHA-256, hex. Stable across versions because ids and dedup depend on them.
package enum ContentHash {
    package static func hex(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    package static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    /// Items are compared by their words only, so re-wrapping or re-spacing is not news.
    package static func itemHash(headline: String?, text: String) -> String {
        hex(canonical((headline.map { $0 + "\n" } ?? "") + text))
    }

    /// Lowercased letters and digits separated by single spaces.
    package static func canonical(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}
