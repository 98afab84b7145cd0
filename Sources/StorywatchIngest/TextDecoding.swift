/// Turns file bytes into text: UTF-8, else Windows-1252 (the usual encoding of old wire copy).
package enum TextDecoding {
    /// The decoded text and whether the Windows-1252 fallback was used.
    package static func decode(_ bytes: [UInt8]) -> (text: String, usedFallback: Bool) {
        let start = bomLength(bytes)
        let valid = bytes.withUnsafeBufferPointer { isValidUTF8(UnsafeBufferPointer(rebasing: $0[start...])) }
        if valid {
            return (String(decoding: bytes[start...], as: UTF8.self), false)
        }
        return (String(decoding: windows1252ToUTF8(bytes[start...]), as: UTF8.self), true)
    }

    /// 3 when the bytes start with a UTF-8 byte-order mark.
    static func bomLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Strict UTF-8 well-formedness (what `String(validating:)` accepts).
    static func isValidUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b < 0xC2 { return false }
            if b < 0xE0 {
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
                continue
            }
            if b < 0xF0 {
                guard i + 2 < n else { return false }
                let b1 = p[i + 1]
                switch b {
                case 0xE0: guard b1 >= 0xA0 && b1 <= 0xBF else { return false }
                case 0xED: guard b1 >= 0x80 && b1 <= 0x9F else { return false }
                default: guard b1 & 0xC0 == 0x80 else { return false }
                }
                guard p[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
                continue
            }
            if b < 0xF5 {
                guard i + 3 < n else { return false }
                let b1 = p[i + 1]
                switch b {
                case 0xF0: guard b1 >= 0x90 && b1 <= 0xBF else { return false }
                case 0xF4: guard b1 >= 0x80 && b1 <= 0x8F else { return false }
                default: guard b1 & 0xC0 == 0x80 else { return false }
                }
                guard p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return false }
                i += 4
                continue
            }
            return false
        }
        return true
    }

    /// The UTF-8 encoding of Windows-1252 bytes.
    static func windows1252ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 2)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            var scalar = UInt32(byte)
            if byte < 0xA0, let mapped = cp1252High[Int(byte - 0x80)] { scalar = mapped.value }
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    /// Windows-1252's 0x80–0x9F row; undefined bytes keep their Latin-1 meaning.
    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
