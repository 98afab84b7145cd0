import Foundation
import StorywatchModel
/// Splits text into sentences, surviving abbreviations (U.S., Mr., Gen., St., Jan.), initials,
/// decimals and closing quotes. Linear time, over the UTF-8 bytes: every mark it looks for is
/// ASCII, and a UTF-8 byte of a non-ASCII scalar never equals an ASCII one.
enum SentenceSplitter {
    /// Words written with a period that ends no sentence (`Dictionaries/abbreviations.txt`),
    /// read once: the splitter runs before, and without, a lexicon.
    static let abbreviations: Set<String> = {
        guard let lines = ShippedDictionaries.lines(of: .abbreviations) else {
            preconditionFailure("the shipped dictionary abbreviations.txt is missing or malformed")
        }
        return Set(lines.flatMap { $0.phrases.map { $0.lowercased() } })
    }()

    /// The longest piece read as one sentence. The rules weigh a sentence's words against one
    /// another, so their work grows faster than its length: text with no sentence break (a feed
    /// dump, a table) is cut into pieces of at most this many bytes, at a clause mark where there
    /// is one, which keeps extraction linear in the input. News sentences run to a few hundred.
    static let maxSentenceBytes = 1_200

    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    private static func split(bytes p: UnsafeBufferPointer<UInt8>) -> [String] {
        let count = p.count
        var sentences: [String] = []
        // News sentences run to 100 bytes and more: room for one a 32 bytes spares the growth
        // steps (an allocation and a copy each) for all but the choppiest text.
        sentences.reserveCapacity(count / 32 + 1)
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            while end - start > maxSentenceBytes {
                let cut = cutPoint(p, from: start, limit: start + maxSentenceBytes)
                if let piece = trimmedPiece(p, start, cut) { sentences.append(piece) }
                start = cut
            }
            if let piece = trimmedPiece(p, start, end) { sentences.append(piece) }
            start = end
        }
        while i < count {
            // Eight bytes a step past those that hold no mark (most of them).
            if i + 8 <= count, !Self.mayHoldMark(UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = p[i]
            if c == 0x0A { emit(i); i += 1; start = i; continue }
            if c == 0x2E || c == 0x21 || c == 0x3F { // . ! ?
                var j = i + 1
                while j < count && (p[j] == 0x22 || p[j] == 0x27 || p[j] == 0x29 || p[j] == 0x2E) { j += 1 } // " ' ) .
                guard j < count, p[j] == 0x20 else { i = j; continue }
                var k = j
                while k < count && p[k] == 0x20 { k += 1 }
                guard k < count else { i = j; continue }
                let next = UTF8Scalars.scalar(p, at: k).scalar
                let startsSentence = next.isFastUppercase || next.isFastDigit || next == "\"" || next == "'" || next == "("
                    || next == "–" || next == "-"
                if c == 0x2E && (!startsSentence || isAbbreviation(p, before: i)) { i = j; continue }
                if !startsSentence { i = j; continue }
                emit(j)
                i = k
                start = k
                continue
            }
            i += 1
        }
        emit(count)
        return sentences
    }

    /// Whether one of the 8 bytes of `word` is a line break, ".", "!" or "?" (a byte equal to a
    /// mark is a zero byte of `word ^ mark`: found for all 8 at once, with no false "no").
    @inline(__always)
    private static func mayHoldMark(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x2E))
            || hasZeroByte(word ^ (ones &* 0x21)) || hasZeroByte(word ^ (ones &* 0x3F))
    }

    /// Where to cut an over-long piece before `limit`: after the last clause mark (";", ",",
    /// ":") in its second half, else at the last space, else at the last scalar boundary.
    private static func cutPoint(_ p: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        let half = start + (limit - start) / 2
        var space: Int?
        var k = limit - 1
        while k > half {
            if p[k] == 0x3B || p[k] == 0x2C || p[k] == 0x3A { return k + 1 }
            if space == nil, p[k] == 0x20 { space = k }
            k -= 1
        }
        if let space { return space }
        var cut = limit
        while cut > start + 1 && p[cut] & 0xC0 == 0x80 { cut -= 1 } // not inside a scalar
        return cut
    }

    /// The bytes `start..<end` without surrounding spaces as a String, nil when nothing is left.
    /// A piece never holds a line break (each one ends a piece), so spaces are all there is to trim.
    private static func trimmedPiece(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var from = start, to = end
        while from < to && p[from] == 0x20 { from += 1 }
        while to > from && p[to - 1] == 0x20 { to -= 1 }
        guard from < to else { return nil }
        // A space next to a non-ASCII scalar may belong to its character (a combining mark):
        // trim such a piece by characters, as String does.
        if (from > start && p[from] >= 0x80) || (to < end && p[to - 1] >= 0x80) {
            let piece = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self).trimmed(" \n")
            return piece.isEmpty ? nil : piece
        }
        return String(decoding: UnsafeBufferPointer(rebasing: p[from..<to]), as: UTF8.self)
    }

    /// The word before a dot is an abbreviation or an initial.
    private static func isAbbreviation(_ p: UnsafeBufferPointer<UInt8>, before dot: Int) -> Bool {
        var s = dot
        var letters = 0 // scalars, as the word's length is counted
        var first: Scalar = " "
        while s > 0 {
            let b = UTF8Scalars.start(p, before: s)
            let scalar = UTF8Scalars.scalar(p, at: b).scalar
            guard scalar.isFastLetter || scalar == "." else { break }
            s = b
            first = scalar
            letters += 1
        }
        if letters == 1 && first.isFastUppercase { return true } // an initial: "John F. Kennedy"
        // No abbreviation is longer than 6 characters, and lowercasing never shortens a word.
        if letters > 6 { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: p[s..<dot]), as: UTF8.self)
        return abbreviations.contains(Tokenizer.asciiLowercased(word) ?? word.lowercased())
    }
}

extension StringProtocol {
    /// Drops the given characters from both ends.
    func trimmed(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
