/// Unicode scalars read straight from UTF-8 bytes, so scanners can index bytes (ASCII is one
/// byte a character in news text) and decode only where a non-ASCII scalar matters.
/// The bytes are a String's, so always valid UTF-8.
enum UTF8Scalars {
    /// The scalar starting at byte `i` (a scalar boundary) and its width in bytes.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var value = b0 & (0x7F >> UInt32(width))
        for k in 1..<width { value = value << 6 | UInt32(p[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// The start of the scalar that ends just before byte `i` (`i > 0`, a scalar boundary).
    @inline(__always)
    static func start(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var s = i - 1
        while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }
}
