/// Cleans decoded text so that the same words always give the same item: straight quotes,
/// plain spaces and dashes, Unix line ends. Works on UTF-8 bytes in one pass.
package enum TextNormalizer {
    /// Normalises characters but keeps the line structure (layout detection needs it).
    package static func normalizeCharacters(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case UInt8(ascii: "\r"):
                    out.append(UInt8(ascii: "\n"))
                    if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: " "))
                case UInt8(ascii: "`"): out.append(UInt8(ascii: "'"))
                case 0x0B, 0x0C: out.append(UInt8(ascii: "\n"))
                default: out.append(b)
                }
                i += 1
                continue
            }
            // Two- and three-byte sequences we rewrite; everything else is copied.
            if b == 0xC2, i + 1 < n {
                switch bytes[i + 1] {
                case 0xA0: out.append(UInt8(ascii: " ")); i += 2; continue          // no-break space
                case 0xAD: i += 2; continue                                       // soft hyphen
                case 0xAB, 0xBB: out.append(UInt8(ascii: "\"")); i += 2; continue // « »
                default: break
                }
            }
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 || bytes[i + 1] == 0x88 {
                let c = bytes[i + 2]
                switch (bytes[i + 1], c) {
                case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9A), (0x80, 0x9B), (0x80, 0xB2):
                    out.append(UInt8(ascii: "'")); i += 3; continue
                case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E), (0x80, 0x9F), (0x80, 0xB3):
                    out.append(UInt8(ascii: "\"")); i += 3; continue
                case (0x80, 0x87), (0x80, 0x89), (0x80, 0x8A), (0x80, 0xAF):
                    out.append(UInt8(ascii: " ")); i += 3; continue
                case (0x80, 0x8B):
                    i += 3; continue                                              // zero-width space
                case (0x80, 0x93), (0x80, 0x94), (0x88, 0x92):
                    out += [0xE2, 0x80, 0x93]; i += 3; continue                   // dashes → en dash
                case (0x80, 0xA8), (0x80, 0xA9):
                    out.append(UInt8(ascii: "\n")); i += 3; continue              // line/paragraph separators
                default: break
                }
            }
            if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { i += 3; continue } // BOM
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Collapses runs of spaces and line breaks and trims: the form items are stored and quoted in.
    package static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for b in text.utf8 {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
