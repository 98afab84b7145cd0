import Crypto
import Foundation

/// Content hashes: SHA-256, hex. Stable across versions because ids and dedup depend on them.
package enum ContentHash {
    package static func hex(_ bytes: some DataProtocol) -> String {
        if let hex = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) { return hex }
        return hex(digest: SHA256.hash(data: bytes))
    }

    package static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
    }

    /// SHA-256 of raw bytes, hex.
    package static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var sha = SHA256()
        sha.update(bufferPointer: bytes)
        return hex(digest: sha.finalize())
    }

    private static func hex(digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: 64) { out in
                var o = 0
                for byte in raw {
                    out[o] = hexDigit(byte >> 4)
                    out[o + 1] = hexDigit(byte & 0x0F)
                    o += 2
                }
                return o
            }
        }
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? v &+ 0x30 : v &+ 0x57
    }

    /// Items are compared by their words only, so re-wrapping or re-spacing is not news.
    /// The hash of `canonical(headline + "\n" + text)`, streamed: no intermediate strings.
    package static func itemHash(headline: String?, text: String) -> String {
        var text = text
        return text.withUTF8 { textBytes in
            guard var headline else { return itemHash(headline: nil, text: textBytes) }
            return headline.withUTF8 { itemHash(headline: $0, text: textBytes) }
        }
    }

    /// `itemHash` over UTF-8 bytes: headline (when given), a line break, text.
    package static func itemHash(headline: UnsafeBufferPointer<UInt8>?, text: UnsafeBufferPointer<UInt8>) -> String {
        var hasher = CanonicalHasher()
        if let headline {
            hasher.feed(headline)
            hasher.feedSeparator()
        }
        hasher.feed(text)
        return hex(digest: hasher.finalize())
    }

    /// ASCII letters and digits lowercased, runs of other ASCII characters turned into one
    /// space; non-ASCII characters (accented letters, dashes) are kept as they are. One pass
    /// over the UTF-8 bytes.
    package static func canonical(_ text: String) -> String {
        let count = text.utf8.count
        if count == 0 { return "" }
        var text = text
        return text.withUTF8 { input in
            String(unsafeUninitializedCapacity: count + 8) { out in
                var state = CanonicalState()
                return state.write(input, into: out.baseAddress!, at: 0)
            }
        }
    }
}

/// The canonical form's state machine: word bytes are copied (ASCII lowercased), runs of
/// other ASCII bytes become one space between words.
struct CanonicalState {
    /// The byte before was not a word byte.
    var pendingSpace = false
    /// A word byte has been written.
    var started = false

    /// Each byte's canonical form: ASCII letters lowercased, digits and non-ASCII bytes kept,
    /// 0 for the other ASCII bytes (separators).
    private static let table: [UInt8] = (0..<256).map { (v: Int) -> UInt8 in
        let b = UInt8(v)
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return b | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: return b
        default: return 0
        }
    }

    /// Writes the canonical form of `input` at `out + at`; returns the new length. Needs room for
    /// `input.count + 8` bytes past `at` (bytes past the end may be scribbled on).
    @inline(__always)
    mutating func write(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, at: Int) -> Int {
        guard let src = input.baseAddress else { return at }
        let n = input.count
        let raw = UnsafeRawPointer(src)
        let rawOut = UnsafeMutableRawPointer(out)
        var o = at
        var pending = pendingSpace
        var started = started
        var i = 0
        Self.table.withUnsafeBufferPointer { table in
            while i < n {
                // Eight bytes of letters, digits and single spaces after a word byte come out as
                // they are, capitals lowercased.
                if started && i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let upper = Self.inRange(w, 0x41, 0x5A)
                    let space = Self.inRange(w, 0x20, 0x20)
                    let plain = Self.inRange(w, 0x61, 0x7A) | upper | Self.inRange(w, 0x30, 0x39) | space
                    if w & Self.high == 0 && plain == Self.high && space & (space << 8) == 0
                        && !(pending && space & 0x80 != 0) {
                        if pending {
                            out[o] = 0x20
                            o += 1
                        }
                        rawOut.storeBytes(of: w | (upper >> 2), toByteOffset: o, as: UInt64.self)
                        pending = space >> 63 != 0
                        o += pending ? 7 : 8
                        i += 8
                        continue
                    }
                }
                // Byte by byte, branch-free: both bytes are stored, the end only moves past the ones that count.
                let end = min(n, i + 8)
                while i < end {
                    let folded = table[Int(src[i])]
                    let isWord = folded != 0
                    out[o] = 0x20
                    o &+= (isWord && pending && started) ? 1 : 0
                    out[o] = folded
                    o &+= isWord ? 1 : 0
                    started = started || isWord
                    pending = !isWord
                    i += 1
                }
            }
        }
        pendingSpace = pending
        self.started = started
        return o
    }

    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in each byte of `w` (ASCII bytes only) within lo...hi, 0 elsewhere.
    @inline(__always)
    private static func inRange(_ w: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        let geLo = w &+ UInt64(0x80 - lo) &* 0x0101_0101_0101_0101
        let gtHi = w &+ UInt64(0x7F - hi) &* 0x0101_0101_0101_0101
        return geLo & ~gtHi & high
    }
}

/// Streams the canonical form of its input into SHA-256 through a small buffer.
struct CanonicalHasher {
    private var sha = SHA256()
    private var state = CanonicalState()

    private static let chunk = 2048

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.chunk + 16) { buffer in
            let out = buffer.baseAddress!
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Self.chunk)
                let n = state.write(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: out, at: 0)
                if n > 0 { sha.update(bufferPointer: UnsafeRawBufferPointer(start: out, count: n)) }
                start = end
            }
        }
    }

    /// A non-word byte between headline and text.
    mutating func feedSeparator() {
        state.pendingSpace = true
    }

    func finalize() -> SHA256.Digest { sha.finalize() }
}
