/// Character classes with an ASCII fast path: Unicode property look-ups dominate text
/// processing otherwise, and news text is mostly ASCII.
extension Character {
    /// A letter or a digit.
    @inlinable @inline(__always) package var isWordCharacter: Bool {
        if let a = asciiValue {
            return (a >= 0x30 && a <= 0x39) || ((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }
        return isLetter || isNumber
    }

    @inlinable @inline(__always) package var isFastLetter: Bool {
        if let a = asciiValue { return (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A }
        return isLetter
    }

    @inlinable @inline(__always) package var isFastDigit: Bool {
        if let a = asciiValue { return a >= 0x30 && a <= 0x39 }
        return isNumber
    }

    @inlinable @inline(__always) package var isFastUppercase: Bool {
        if let a = asciiValue { return a >= 0x41 && a <= 0x5A }
        return isUppercase
    }

    @inlinable @inline(__always) package var isFastLowercase: Bool {
        if let a = asciiValue { return a >= 0x61 && a <= 0x7A }
        return isLowercase
    }

    @inlinable @inline(__always) package var isFastWhitespace: Bool {
        if let a = asciiValue { return a == 0x20 || a == 0x0A || a == 0x09 || a == 0x0D }
        return isWhitespace
    }
}

/// The same classes for Unicode scalars, which text loops can index without grapheme breaking.
extension Unicode.Scalar {
    @inlinable @inline(__always) package var isWordCharacter: Bool {
        if value < 0x80 {
            let a = UInt8(value)
            return (a >= 0x30 && a <= 0x39) || ((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }
        return properties.isAlphabetic || properties.numericType != nil
    }

    @inlinable @inline(__always) package var isFastLetter: Bool {
        if value < 0x80 { let a = UInt8(value) | 0x20; return a >= 0x61 && a <= 0x7A }
        return properties.isAlphabetic
    }

    @inlinable @inline(__always) package var isFastDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType != nil
    }

    @inlinable @inline(__always) package var isFastUppercase: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }

    @inlinable @inline(__always) package var isFastWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x0A || value == 0x09 || value == 0x0D }
        return properties.isWhitespace
    }
}
