/// A text as an array of Unicode scalars to scan, with cheap substrings: each scalar's UTF-8
/// offset is kept, so a run of scalars becomes a String by copying bytes.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    private let offsets: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        utf8 = Array(text.utf8)
        var offsets = [Int]()
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    subscript(i: Int) -> Unicode.Scalar { scalars[i] }

    /// The scalars `start..<end` as a String.
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[offsets[start]..<offsets[end]], as: UTF8.self)
    }
}
