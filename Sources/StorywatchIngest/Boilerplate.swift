import Foundation
import StorywatchModel
/// Lines that carry no news: page furniture, credits, calls to subscribe (design §2).
package enum Boilerplate {
    private static let wholeLines: Set<String> = [
        "live updates", "live", "live reporting", "load more updates", "load more", "show more",
        "share this post", "share", "copy link", "read more", "advertisement", "related topics",
        "top stories", "more on this story", "skip to content", "updated", "reuter", "reuters",
        "wirenews", "ap", "afp", "end", "this content is not available", "media caption",
    ]

    private static let prefixes = [
        "credit:", "image copyright", "image source", "getty images", "media caption", "posted at",
        "subscribe to our channel", "follow us on", "copyright ", "(c) ", "©", "click here",
        "sign up for", "read more:", "watch:", "listen:",
        // A player's apology for media it cannot show, whatever reason follows.
        "sorry, this content",
    ]

    private static let suffixes = ["credit: reuters", "credit: ap", "credit: afp", "credit: getty images"]

    /// True when the whole (trimmed) line is boilerplate. Looks only at the line's head and tail,
    /// so a long paragraph costs no more than a short one.
    package static func isBoilerplate(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { isBoilerplate(bytes: $0) }
    }

    // Byte forms of the lists, for `isBoilerplate(bytes:)`.
    private static let wholeLineBytes: [[UInt8]] = wholeLines.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
    private static let prefixBytes: [[UInt8]] = prefixes.map { Array($0.utf8) }
    private static let suffixBytes: [[UInt8]] = suffixes.map { Array($0.utf8) }
    private static let credit: [UInt8] = Array(" credit: ".utf8)

    /// `isBoilerplate` on the UTF-8 bytes of a line. Byte comparisons decide whenever they agree
    /// with the character comparisons of `legacyIsBoilerplate`; other lines go through it.
    static func isBoilerplate(bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        if n == 0 { return true }
        if n <= 64 {
            for entry in wholeLineBytes where entry.count == n && ByteText.equalsLowered(p, at: 0, entry) { return true }
        }
        for prefix in prefixBytes where prefix.count <= n && ByteText.equalsLowered(p, at: 0, prefix) {
            // The prefix must end on a character boundary.
            if n == prefix.count || p[prefix.count] < 0x80 { return true }
            return legacyIsBoilerplate(p)
        }
        // A photo caption that ends with its credit: "Lavrov at a briefing. Credit: RTV".
        if containsCredit(p) { return true }
        for suffix in suffixBytes where suffix.count <= n && ByteText.equalsLowered(p, at: n - suffix.count, suffix) {
            // The suffix must start on a character boundary.
            if n == suffix.count || p[n - suffix.count - 1] < 0x80 { return true }
            return legacyIsBoilerplate(p)
        }
        if n <= 16 {
            if !ByteText.isASCII(p) { return legacyIsBoilerplate(p) }
            return isASCIITimeStamp(p)
        }
        return false
    }

    private static let creditWord: [UInt8] = Array(" credit".utf8)

    /// Whether " credit: " (any case) lies in the last 48 bytes.
    private static func containsCredit(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        let from = n > 48 ? n - 48 : 0
        guard n - from >= credit.count, let base = p.baseAddress else { return false }
        // Each colon with room for " credit" before it and a space after it.
        var i = from + 7
        while i < n - 1 {
            guard let hit = memchr(base + i, Int32(UInt8(ascii: ":")), n - 1 - i) else { return false }
            let k = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if p[k + 1] == UInt8(ascii: " ") && ByteText.equalsLowered(p, at: k - 7, creditWord) { return true }
            i = k + 1
        }
        return false
    }

    /// `isTimeStamp` of a short ASCII line.
    private static func isASCIITimeStamp(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        if n >= 4 && ByteText.equalsLowered(p, at: n - 4, ago) { return true }
        var k = 0
        var colon = false
        while k < n && (ByteChars.isDigit(p[k]) || p[k] == UInt8(ascii: ":") || p[k] == UInt8(ascii: ".")) {
            if p[k] == UInt8(ascii: ":") { colon = true }
            k += 1
        }
        guard colon, k >= 4 else { return false }
        var end = n
        while k < end && p[k] == UInt8(ascii: " ") { k += 1 }
        while end > k && p[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let rest = UnsafeBufferPointer(rebasing: p[k..<end])
        for zone in timeZones where zone.count == rest.count && ByteText.equalsLowered(rest, at: 0, zone) { return true }
        return false
    }

    private static let ago: [UInt8] = Array(" ago".utf8)
    private static let timeZones: [[UInt8]] = ["", "gmt", "bst", "utc", "et", "cet", "msk", "am", "pm"].map { Array($0.utf8) }

    /// The character-based definition, for lines the byte comparisons cannot decide.
    private static func legacyIsBoilerplate(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let line = String(decoding: p, as: UTF8.self)
        let bytes = line.utf8
        if bytes.isEmpty { return true }
        let head = lowerASCII(bytes.prefix(64))
        if bytes.count <= 64, wholeLines.contains(head) { return true }
        if prefixes.contains(where: { head.hasPrefix($0) }) { return true }
        let tail = lowerASCII(bytes.suffix(56))
        if ByteSearch.contains(Array(tail.utf8.suffix(48)), credit) { return true }
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

/// Byte helpers for ASCII comparisons.
enum ByteText {
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// True when the bytes at `at` are `lowered` once ASCII capitals are lowercased.
    @inline(__always)
    static func equalsLowered(_ p: UnsafeBufferPointer<UInt8>, at: Int, _ lowered: [UInt8]) -> Bool {
        var k = 0
        let count = lowered.count
        while k < count {
            if lower(p[at + k]) != lowered[k] { return false }
            k += 1
        }
        return true
    }

    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in p where b >= 0x80 { return false }
        return true
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
