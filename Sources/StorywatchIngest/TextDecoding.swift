/// Turns file bytes into text: UTF-8, else Windows-1252 (the usual encoding of old wire copy).
package enum TextDecoding {
    /// The decoded text and whether the Windows-1252 fallback was used.
    package static func decode(_ bytes: [UInt8]) -> (text: String, usedFallback: Bool) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) } // UTF-8 BOM
        if let text = String(validating: body, as: UTF8.self) {
            return (text, false)
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        for byte in body {
            if byte >= 0x80 && byte < 0xA0, let mapped = cp1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), true)
    }

    /// Windows-1252's 0x80–0x9F row; undefined bytes keep their Latin-1 meaning.
    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
