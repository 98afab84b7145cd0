/// A paragraph of a document and how much blank space came before it.
struct Paragraph {
    var text: String
    /// Blank lines between this paragraph and the previous one.
    var blankLinesBefore: Int
}

/// Splits normalised text into paragraphs. Handles three ways of writing them: blank-line
/// separated, one paragraph per long line, and hard-wrapped wire copy whose paragraphs start
/// with an indent. Works on UTF-8 bytes.
enum Paragraphs {
    private typealias Line = ArraySlice<UInt8>

    static func split(_ text: String) -> [Paragraph] {
        let bytes = Array(text.utf8)
        var result: [Paragraph] = []
        var block: [Line] = []
        var blanks = 0
        var blanksBeforeBlock = 0

        func flush() {
            guard !block.isEmpty else { return }
            for (i, piece) in splitBlock(block).enumerated() {
                result.append(Paragraph(text: piece, blankLinesBefore: i == 0 ? blanksBeforeBlock : 0))
            }
            block.removeAll(keepingCapacity: true)
        }

        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                if !block.isEmpty { flush(); blanks = 0 }
                blanks += 1
            } else {
                if block.isEmpty { blanksBeforeBlock = blanks; blanks = 0 }
                block.append(line)
            }
            start = end + 1
        }
        flush()
        return result
    }

    /// A block of consecutive non-blank lines becomes one or more paragraphs.
    private static func splitBlock(_ lines: [Line]) -> [String] {
        func text(_ line: Line) -> String { TextNormalizer.collapseSpaces(String(decoding: line, as: UTF8.self)) }
        if lines.count == 1 { return [text(lines[0])] }
        // Hard-wrapped copy keeps lines under ~80 characters; longer lines are paragraphs each.
        let longest = lines.map(\.count).max() ?? 0
        if longest > 100 {
            return lines.map(text)
        }
        // Wire copy marks a new paragraph by indenting its first line past the line before.
        func indent(_ line: Line) -> Int { line.prefix(while: { $0 == UInt8(ascii: " ") }).count }
        var pieces: [String] = []
        var current: [UInt8] = []
        for (i, line) in lines.enumerated() {
            if i > 0 && indent(line) >= indent(lines[i - 1]) + 2 && !current.isEmpty {
                pieces.append(TextNormalizer.collapseSpaces(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            }
            if !current.isEmpty { current.append(UInt8(ascii: " ")) }
            current += line
            // A blurb ends with its furniture ("– Subscribe to our channel: …"), however short its line.
            if contains(line, "ubscribe to our channel") {
                pieces.append(TextNormalizer.collapseSpaces(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { pieces.append(TextNormalizer.collapseSpaces(String(decoding: current, as: UTF8.self))) }
        return pieces
    }

    /// Byte search for an ASCII needle.
    static func contains(_ haystack: some Collection<UInt8>, _ needle: String) -> Bool {
        ByteSearch.contains(Array(haystack), Array(needle.utf8))
    }
}

/// Linear-time substring search on bytes (the text is untrusted: no backtracking).
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
