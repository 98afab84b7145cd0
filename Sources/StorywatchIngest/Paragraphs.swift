#if canImport(Glibc)
import Glibc
#endif

/// A paragraph of a document, as a range of `ParagraphList.storage`, and how much blank space
/// came before it.
struct Paragraph {
    var start: Int
    var end: Int
    /// Blank lines between this paragraph and the previous one.
    var blankLinesBefore: Int

    var count: Int { end - start }
}

/// The paragraphs of a text: their collapsed UTF-8 bytes one after another in `storage`.
struct ParagraphList {
    var storage: [UInt8]
    var paragraphs: [Paragraph]
}

/// Splits normalised text into paragraphs. Handles three ways of writing them: blank-line
/// separated, one paragraph per long line, and hard-wrapped wire copy whose paragraphs start
/// with an indent. Works on UTF-8 bytes; each paragraph's spaces are collapsed as it is copied.
enum Paragraphs {
    private struct Line {
        var start: Int
        var end: Int
        var indent: Int
        var count: Int { end - start }
    }

    static func split(_ input: UnsafeBufferPointer<UInt8>) -> ParagraphList {
        var paragraphs: [Paragraph] = []
        var block: [Line] = []
        let storage = [UInt8](unsafeUninitializedCapacity: max(input.count, 1)) { buffer, count in
            count = split(input, into: buffer.baseAddress!, &paragraphs, &block)
        }
        return ParagraphList(storage: storage, paragraphs: paragraphs)
    }

    /// Writes the paragraphs' collapsed bytes at `out`; returns their length (at most the input's).
    private static func split(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
                              _ paragraphs: inout [Paragraph], _ block: inout [Line]) -> Int {
        let n = input.count
        guard let src = input.baseAddress else { return 0 }
        var o = 0
        var blanks = 0
        var blanksBeforeBlock = 0
        var start = 0
        while start <= n {
            var end = n
            if start < n, let nl = memchr(src + start, Int32(UInt8(ascii: "\n")), n - start) {
                end = UnsafeRawPointer(src).distance(to: UnsafeRawPointer(nl))
            }
            var indent = 0
            while start + indent < end && src[start + indent] == UInt8(ascii: " ") { indent += 1 }
            if start + indent == end {
                if !block.isEmpty {
                    splitBlock(block, src, out, &o, blanksBeforeBlock, &paragraphs)
                    block.removeAll(keepingCapacity: true)
                    blanks = 0
                }
                blanks += 1
            } else {
                if block.isEmpty {
                    blanksBeforeBlock = blanks
                    blanks = 0
                }
                block.append(Line(start: start, end: end, indent: indent))
            }
            start = end + 1
        }
        if !block.isEmpty {
            splitBlock(block, src, out, &o, blanksBeforeBlock, &paragraphs)
            block.removeAll(keepingCapacity: true)
        }
        return o
    }

    /// A block of consecutive non-blank lines becomes one or more paragraphs.
    private static func splitBlock(_ lines: [Line], _ src: UnsafePointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>,
                                   _ o: inout Int, _ blanksBefore: Int, _ paragraphs: inout [Paragraph]) {
        var blanks = blanksBefore
        // One line, or lines longer than hard-wrapped copy (~80 characters): a paragraph each.
        var longest = 0
        for line in lines where line.count > longest { longest = line.count }
        if lines.count == 1 || longest > 100 {
            for line in lines {
                let start = o
                copy(src, line.start + line.indent, line.end, out, &o)
                paragraphs.append(Paragraph(start: start, end: o, blankLinesBefore: blanks))
                blanks = 0
            }
            return
        }
        // Wire copy marks a new paragraph by indenting its first line past the line before.
        var pieceStart = o
        for (i, line) in lines.enumerated() {
            if i > 0 && line.indent >= lines[i - 1].indent + 2 && o > pieceStart {
                paragraphs.append(Paragraph(start: pieceStart, end: o, blankLinesBefore: blanks))
                blanks = 0
                pieceStart = o
            }
            // Lines of a paragraph are joined with one space.
            if o > pieceStart {
                out[o] = UInt8(ascii: " ")
                o += 1
            }
            copy(src, line.start + line.indent, line.end, out, &o)
            // A blurb ends with its furniture ("– Subscribe to our channel: …"), however short its line.
            if ByteSearch.contains(UnsafeBufferPointer(start: src + line.start, count: line.count), subscribe) {
                paragraphs.append(Paragraph(start: pieceStart, end: o, blankLinesBefore: blanks))
                blanks = 0
                pieceStart = o
            }
        }
        if o > pieceStart { paragraphs.append(Paragraph(start: pieceStart, end: o, blankLinesBefore: blanks)) }
    }

    /// Copies src[start..<end] (which starts with a non-space) to `out + o` without its trailing
    /// spaces and with each run of spaces made one.
    @inline(__always)
    private static func copy(_ src: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ out: UnsafeMutablePointer<UInt8>,
                             _ o: inout Int) {
        var e = end
        while e > start && src[e - 1] == UInt8(ascii: " ") { e -= 1 }
        let raw = UnsafeRawPointer(src)
        var i = start
        while true {
            // The next double space from i, eight positions at a time.
            var j = i
            var double = -1
            while j + 9 <= e {
                let m = spaces(raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                    & spaces(raw.loadUnaligned(fromByteOffset: j + 1, as: UInt64.self))
                if m != 0 {
                    double = j + m.trailingZeroBitCount / 8
                    break
                }
                j += 8
            }
            if double < 0 {
                while j + 1 < e {
                    if src[j] == UInt8(ascii: " ") && src[j + 1] == UInt8(ascii: " ") {
                        double = j
                        break
                    }
                    j += 1
                }
            }
            if double < 0 {
                (out + o).update(from: src + i, count: e - i)
                o += e - i
                return
            }
            // Up to and with the first space of the run; the rest of the run is dropped.
            (out + o).update(from: src + i, count: double + 1 - i)
            o += double + 1 - i
            i = double + 1
            while src[i] == UInt8(ascii: " ") { i += 1 } // the line ends with a non-space
        }
    }

    /// 0x80 in each byte of `w` that is a space, 0 elsewhere.
    @inline(__always)
    private static func spaces(_ w: UInt64) -> UInt64 {
        let v = w ^ 0x2020_2020_2020_2020
        let t = (v & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
        return ~(t | v | 0x7F7F_7F7F_7F7F_7F7F)
    }

    private static let subscribe = ByteSearch.Needle("ubscribe to our channel")
}

/// Substring search on bytes. The needles are short constants, so the cost stays linear in the
/// text (the text is untrusted: no backtracking).
enum ByteSearch {
    /// A needle with the byte to look for first: its least common one in English text.
    struct Needle: Sendable {
        let bytes: [UInt8]
        let anchor: Int

        init(_ text: String) {
            bytes = Array(text.utf8)
            var best = 0
            var bestRank = Int.max
            for (i, b) in bytes.enumerated() {
                let rank = Self.rank(b)
                if rank < bestRank {
                    best = i
                    bestRank = rank
                }
            }
            anchor = best
        }

        private static func rank(_ b: UInt8) -> Int {
            let common = Array(" etaoinsrhldcumfpgwybvkxjqz".utf8)
            return common.firstIndex(of: b | 0x20).map { 100 - $0 } ?? 0
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        return haystack.withUnsafeBufferPointer { contains($0, Needle(String(decoding: needle, as: UTF8.self))) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: Needle) -> Bool {
        let m = needle.bytes.count
        guard m > 0 else { return true }
        let n = haystack.count
        guard n >= m, let base = haystack.baseAddress else { return false }
        return needle.bytes.withUnsafeBufferPointer { needleBytes in
            let pattern = needleBytes.baseAddress!
            // memchr for the anchor byte, then compare the whole needle around it.
            let k = needle.anchor
            let c = Int32(pattern[k])
            var start = 0
            let lastStart = n - m
            while start <= lastStart {
                guard let hit = memchr(base + start + k, c, lastStart - start + 1) else { return false }
                let candidate = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - k
                if memcmp(base + candidate, pattern, m) == 0 { return true }
                start = candidate + 1
            }
            return false
        }
    }
}
