/// Cleans decoded text so that the same words always give the same item: straight quotes,
/// plain spaces and dashes, Unix line ends. Works on UTF-8 bytes in one pass.
package enum TextNormalizer {
    /// Normalises characters but keeps the line structure (layout detection needs it).
    package static func normalizeCharacters(_ text: String) -> String {
        var text = text
        let out = text.withUTF8 { normalize($0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalizeCharacters` on UTF-8 bytes. The result is never longer than the input.
    package static func normalize(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = input.count
        guard n > 0, let src = input.baseAddress else { return [] }
        return [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
            let dst = buffer.baseAddress!
            let raw = UnsafeRawPointer(src)
            let rawOut = UnsafeMutableRawPointer(dst)
            var i = 0
            var o = 0
            while i < n {
                // Eight plain ASCII bytes at a time: no high bit, nothing below 0x0E, no backquote.
                if i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let low = (w &- 0x0E0E_0E0E_0E0E_0E0E) & ~w
                    let tick = w ^ 0x6060_6060_6060_6060
                    let tickZero = (tick &- 0x0101_0101_0101_0101) & ~tick
                    if (w | low | tickZero) & 0x8080_8080_8080_8080 == 0 {
                        rawOut.storeBytes(of: w, toByteOffset: o, as: UInt64.self)
                        i += 8
                        o += 8
                        continue
                    }
                }
                let b = src[i]
                if b < 0x80 {
                    switch b {
                    case UInt8(ascii: "\r"):
                        dst[o] = UInt8(ascii: "\n")
                        if i + 1 < n && src[i + 1] == UInt8(ascii: "\n") { i += 1 }
                    case UInt8(ascii: "\t"): dst[o] = UInt8(ascii: " ")
                    case UInt8(ascii: "`"): dst[o] = UInt8(ascii: "'")
                    case 0x0B, 0x0C: dst[o] = UInt8(ascii: "\n")
                    default: dst[o] = b
                    }
                    o += 1
                    i += 1
                    continue
                }
                // Two- and three-byte sequences we rewrite; everything else is copied.
                if b == 0xC2, i + 1 < n {
                    switch src[i + 1] {
                    case 0xA0: dst[o] = UInt8(ascii: " "); o += 1; i += 2; continue   // no-break space
                    case 0xAD: i += 2; continue                                      // soft hyphen
                    case 0xAB, 0xBB: dst[o] = UInt8(ascii: "\""); o += 1; i += 2; continue // « »
                    default: break
                    }
                }
                if b == 0xE2, i + 2 < n {
                    let b1 = src[i + 1]
                    let c = src[i + 2]
                    if b1 == 0x80 {
                        switch c {
                        case 0x98, 0x99, 0x9A, 0x9B, 0xB2:
                            dst[o] = UInt8(ascii: "'"); o += 1; i += 3; continue
                        case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3:
                            dst[o] = UInt8(ascii: "\""); o += 1; i += 3; continue
                        case 0x87, 0x89, 0x8A, 0xAF:
                            dst[o] = UInt8(ascii: " "); o += 1; i += 3; continue
                        case 0x8B:
                            i += 3; continue                                         // zero-width space
                        case 0x93, 0x94:
                            dst[o] = 0xE2; dst[o + 1] = 0x80; dst[o + 2] = 0x93      // dashes → en dash
                            o += 3; i += 3; continue
                        case 0xA8, 0xA9:
                            dst[o] = UInt8(ascii: "\n"); o += 1; i += 3; continue    // line/paragraph separators
                        default: break
                        }
                    } else if b1 == 0x88 && c == 0x92 {
                        dst[o] = 0xE2; dst[o + 1] = 0x80; dst[o + 2] = 0x93          // minus sign → en dash
                        o += 3; i += 3; continue
                    }
                }
                if b == 0xEF, i + 2 < n, src[i + 1] == 0xBB, src[i + 2] == 0xBF { i += 3; continue } // BOM
                dst[o] = b
                o += 1
                i += 1
            }
            count = o
        }
    }

    /// Collapses runs of spaces and line breaks and trims: the form items are stored and quoted in.
    package static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        var text = String(text)
        return text.withUTF8 { input in
            let n = input.count
            if n == 0 { return "" }
            return String(unsafeUninitializedCapacity: n) { out in
                var pending = false
                return collapse(input, into: out.baseAddress!, at: 0, pieceStart: 0, pending: &pending)
            }
        }
    }

    /// Writes `input` at `out + at` with runs of spaces and line breaks collapsed to one space and
    /// none before the piece that starts at `pieceStart`; a space still pending at the end is left
    /// in `pending`. Returns the new end. Needs room for `input.count + 1` bytes.
    @inline(__always)
    static func collapse(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, at: Int,
                         pieceStart: Int, pending: inout Bool) -> Int {
        var o = at
        var pendingSpace = pending
        for b in input {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") {
                pendingSpace = true
            } else {
                if pendingSpace && o > pieceStart {
                    out[o] = UInt8(ascii: " ")
                    o += 1
                }
                pendingSpace = false
                out[o] = b
                o += 1
            }
        }
        pending = pendingSpace
        return o
    }
}
