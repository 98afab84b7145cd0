import Foundation
/// Lines that carry no news: page furniture, credits, calls to subscribe (design §2).
package enum Boilerplate {
    private static let wholeLines: Set<String> = [
        "live updates", "live", "live reporting", "load more updates", "load more", "show more",
        "share this post", "share", "copy link", "read more", "advertisement", "related topics",
        "top stories", "more on this story", "skip to content", "updated", "reuter", "reuters",
        "wirenews", "ap", "afp", "end", "sorry, this content isn't available on your device.",
        "sorry, this content isn't available", "this content is not available", "media caption",
    ]

    private static let prefixes = [
        "credit:", "image copyright", "image source", "getty images", "media caption", "posted at",
        "subscribe to our channel", "follow us on", "copyright ", "(c) ", "©", "click here",
        "sign up for", "read more:", "watch:", "listen:",
    ]

    private static let suffixes = ["credit: reuters", "credit: ap", "credit: afp", "credit: getty images"]

    /// True when the whole (trimmed) line is boilerplate. Looks only at the line's head and tail,
    /// so a long paragraph costs no more than a short one.
    package static func isBoilerplate(_ line: String) -> Bool {
        let bytes = line.utf8
        if bytes.isEmpty { return true }
        let head = lowerASCII(bytes.prefix(64))
        if bytes.count <= 64, wholeLines.contains(head) { return true }
        if prefixes.contains(where: { head.hasPrefix($0) }) { return true }
        let tail = lowerASCII(bytes.suffix(56))
        // A photo caption that ends with its credit: "Lavrov at a briefing. Credit: RTV".
        if ByteSearch.contains(Array(tail.utf8.suffix(48)), Array(" credit: ".utf8)) { return true }
        if suffixes.contains(where: { tail.hasSuffix($0) }) { return true }
        if bytes.count <= 16, isTimeStamp(head) { return true }
        return false
    }

    /// ASCII letters lowercased; other bytes kept (enough for the English furniture above).
    private static func lowerASCII(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Removes trailing social-media furniture ("– Subscribe to our channel: …") from a blurb.
    package static func stripTrailingFurniture(_ text: String) -> String {
        let markers = ["– subscribe to our channel", "- subscribe to our channel", "subscribe to our channel:",
                       "– follow us on", "- follow us on"]
        let lower = text.lowercased()
        var cut = text.endIndex
        for marker in markers {
            if let r = lower.range(of: marker) {
                let offset = lower.distance(from: lower.startIndex, to: r.lowerBound)
                let idx = text.index(text.startIndex, offsetBy: offset)
                if idx < cut { cut = idx }
            }
        }
        return String(text[..<cut]).trimmingSpaces()
    }

    /// "14:05 GMT", "14:05", "2 hours ago": post time stamps.
    private static func isTimeStamp(_ lower: String) -> Bool {
        if lower.count > 16 { return false }
        if lower.hasSuffix(" ago") { return true }
        let digits = lower.prefix(while: { $0.isNumber || $0 == ":" || $0 == "." })
        guard digits.contains(":"), digits.count >= 4 else { return false }
        let rest = lower.dropFirst(digits.count).trimmingCharacters(in: " ")
        return ["", "gmt", "bst", "utc", "et", "cet", "msk", "am", "pm"].contains(rest)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String { trimmingCharacters(in: " ") }

    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
