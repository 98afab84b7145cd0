/// A paragraph of a document and how much blank space came before it.
struct Paragraph {
    var text: String
    /// Blank lines between this paragraph and the previous one.
    var blankLinesBefore: Int
}

/// Splits normalised text into paragraphs. Handles three ways of writing them: blank-line
/// separated, one paragraph per long line, and hard-wrapped wire copy whose paragraphs start
/// with an indent.
enum Paragraphs {
    static func split(_ text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var block: [Substring] = []
        var blanks = 0
        var blanksBeforeBlock = 0

        func flush() {
            guard !block.isEmpty else { return }
            let pieces = splitBlock(block)
            for (i, piece) in pieces.enumerated() {
                result.append(Paragraph(text: piece, blankLinesBefore: i == 0 ? blanksBeforeBlock : 0))
            }
            block.removeAll(keepingCapacity: true)
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " }) {
                if !block.isEmpty { flush(); blanks = 0 }
                blanks += 1
            } else {
                if block.isEmpty { blanksBeforeBlock = blanks; blanks = 0 }
                block.append(line)
            }
        }
        flush()
        return result
    }

    /// A block of consecutive non-blank lines becomes one or more paragraphs.
    private static func splitBlock(_ lines: [Substring]) -> [String] {
        if lines.count == 1 { return [TextNormalizer.collapseSpaces(lines[0])] }
        let longest = lines.map(\.count).max() ?? 0
        // Hard-wrapped copy keeps lines under ~80 characters; longer lines are paragraphs each.
        if longest > 100 {
            return lines.map { TextNormalizer.collapseSpaces($0) }
        }
        // Wire copy marks a new paragraph by indenting its first line past the line before.
        func indent(_ line: Substring) -> Int { line.prefix(while: { $0 == " " }).count }
        var pieces: [String] = []
        var current: [Substring] = []
        for (i, line) in lines.enumerated() {
            let indented = i > 0 && indent(line) >= indent(lines[i - 1]) + 2
            if indented && i > 0 && !current.isEmpty {
                pieces.append(TextNormalizer.collapseSpaces(current.joined(separator: " ")))
                current.removeAll()
            }
            current.append(line)
            // A blurb ends with its furniture ("– Subscribe to our channel: …"), however short its line.
            if line.lowercased().contains("subscribe to our channel") {
                pieces.append(TextNormalizer.collapseSpaces(current.joined(separator: " ")))
                current.removeAll()
            }
        }
        if !current.isEmpty { pieces.append(TextNormalizer.collapseSpaces(current.joined(separator: " "))) }
        return pieces
    }
}
