import StorywatchModel
/// Unicode scalars read straight from UTF-8 bytes, so scanners can index bytes (ASCII is one
/// byte a character in news text) and decode only where a non-ASCII scalar matters.
/// The bytes are a String's, so always valid UTF-8.
enum UTF8Scalars {
    /// The scalar starting at byte `i` (a scalar boundary) and its width in bytes.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Scalar, width: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (Scalar(Unicode.Scalar(UInt8(b0))), 1) }
        let width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var value = b0 & (0x7F >> UInt32(width))
        for k in 1..<width { value = value << 6 | UInt32(p[i + k] & 0x3F) }
        return (Scalar(Unicode.Scalar(value) ?? "\u{FFFD}"), width)
    }

    /// The start of the scalar that ends just before byte `i` (`i > 0`, a scalar boundary).
    @inline(__always)
    static func start(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var s = i - 1
        while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }
}

/// A scalar the scanners read, with the classes of `CharacterClass`: tested inline for ASCII,
/// out of line for other scalars. Inlined whole, the non-ASCII tests' Unicode property values
/// (sized only at run time) cost every call of a scanner metadata look-ups and stack, ASCII or not.
struct Scalar: Equatable, ExpressibleByUnicodeScalarLiteral {
    let value: Unicode.Scalar

    @inline(__always) init(_ value: Unicode.Scalar) { self.value = value }
    @inline(__always) init(unicodeScalarLiteral value: Unicode.Scalar) { self.value = value }

    @inline(__always) private var ascii: UInt8? { value.value < 0x80 ? UInt8(value.value) : nil }

    @inline(__always) var isWordCharacter: Bool {
        guard let a = ascii else { return Self.isWordCharacter(value) }
        return a &- 0x30 < 10 || (a | 0x20) &- 0x61 < 26
    }

    @inline(__always) var isFastLetter: Bool {
        guard let a = ascii else { return Self.isLetter(value) }
        return (a | 0x20) &- 0x61 < 26
    }

    @inline(__always) var isFastDigit: Bool {
        guard let a = ascii else { return Self.isDigit(value) }
        return a &- 0x30 < 10
    }

    @inline(__always) var isFastUppercase: Bool {
        guard let a = ascii else { return Self.isUppercase(value) }
        return a &- 0x41 < 26
    }

    @inline(__always) var isFastWhitespace: Bool {
        guard let a = ascii else { return Self.isWhitespace(value) }
        return a == 0x20 || a == 0x0A || a == 0x09 || a == 0x0D
    }

    @inline(never) private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool { c.isWordCharacter }
    @inline(never) private static func isLetter(_ c: Unicode.Scalar) -> Bool { c.isFastLetter }
    @inline(never) private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.isFastDigit }
    @inline(never) private static func isUppercase(_ c: Unicode.Scalar) -> Bool { c.isFastUppercase }
    @inline(never) private static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c.isFastWhitespace }
}
