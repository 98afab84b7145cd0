import Crypto
import Foundation

/// Content hashes: SHA-256, hex. Stable across versions because ids and dedup depend on them.
package enum ContentHash {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    package static func hex(_ bytes: some DataProtocol) -> String {
        let digest = SHA256.hash(data: bytes)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    /// Items are compared by their words only, so re-wrapping or re-spacing is not news.
    package static func itemHash(headline: String?, text: String) -> String {
        hex(canonical((headline.map { $0 + "\n" } ?? "") + text))
    }

    /// ASCII letters and digits lowercased, runs of other ASCII characters turned into one
    /// space; non-ASCII characters (accented letters, dashes) are kept as they are. One pass
    /// over the UTF-8 bytes.
    package static func canonical(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            let isWordByte: Bool
            var b = byte
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): isWordByte = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): isWordByte = true; b = byte | 0x20
            case 0x80...: isWordByte = true
            default: isWordByte = false
            }
            if isWordByte {
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(b)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
