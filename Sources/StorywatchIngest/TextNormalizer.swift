/// Cleans decoded text so that the same words always give the same item: straight quotes,
/// plain spaces and dashes, Unix line ends.
package enum TextNormalizer {
    /// Normalises characters but keeps the line structure (layout detection needs it).
    package static func normalizeCharacters(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out.append("\n")
            case "\n": if !previousWasCR { out.append("\n") }
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": out.append("\"")
            case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{200A}", "\t": out.append(" ")
            case "\u{200B}", "\u{FEFF}", "\u{00AD}": break
            case "\u{2013}", "\u{2014}", "\u{2212}": out.append("\u{2013}")
            case "\u{2028}", "\u{2029}", "\u{000B}", "\u{000C}": out.append("\n")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Collapses runs of spaces and trims: the form items are stored and quoted in.
    package static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch == " " || ch == "\n" {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }
}
