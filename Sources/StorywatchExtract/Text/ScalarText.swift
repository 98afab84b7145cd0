/// A text as an array of Unicode scalars to scan, with cheap substrings: each scalar's UTF-8
/// offset is kept, so a run of scalars becomes a String by copying bytes.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    private let offsets: [Int]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        var scalars = [Unicode.Scalar]()
        var offsets = [Int]()
        scalars.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    subscript(i: Int) -> Unicode.Scalar { scalars[i] }

    /// The scalars `start..<end` as a String.
    func string(_ start: Int, _ end: Int) -> String {
        let from = offsets[start], to = offsets[end]
        // Through a buffer pointer: String's fast validating path (an ArraySlice takes a slow generic one).
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }
}
