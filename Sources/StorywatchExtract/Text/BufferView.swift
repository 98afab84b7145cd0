/// A read-only view of contiguous elements: a flat table of the lexicon, a word's UTF-8 bytes,
/// the filled part of a scratch buffer. It reads them as the raw pointer would, with no reference
/// counted and no bounds checked in release builds (checked in debug ones), so the hot loops keep
/// their speed; the pointer itself stays in Text/. Valid only inside the closure that made it.
struct BufferView<Element>: RandomAccessCollection {
    typealias Indices = Range<Int>

    private let elements: UnsafeBufferPointer<Element>

    init(_ elements: UnsafeBufferPointer<Element>) { self.elements = elements }

    var startIndex: Int { 0 }
    var endIndex: Int { elements.count }

    @inline(__always)
    subscript(position: Int) -> Element { elements[position] }

    /// Elements `bounds` as a view of their own, indexed from 0 (a pattern's words in the flat table).
    @inline(__always)
    func extracting(_ bounds: Range<Int>) -> BufferView<Element> {
        BufferView(UnsafeBufferPointer(rebasing: elements[bounds]))
    }

    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try body(elements)
    }
}

extension BufferView<UInt8> {
    /// Bytes `k..<k + 8` as one little-endian word, read unaligned: a word's hash takes 8 bytes a step.
    @inline(__always)
    func littleEndianWord(at k: Int) -> UInt64 {
        assert(k >= 0 && k + 8 <= count)
        return UnsafeRawPointer(elements.baseAddress! + k).loadUnaligned(as: UInt64.self).littleEndian
    }
}

extension Array {
    /// The array's elements as a `BufferView` for the duration of `body`.
    @inline(__always)
    func withView<R>(_ body: (BufferView<Element>) -> R) -> R {
        withUnsafeBufferPointer { body(BufferView($0)) }
    }
}

extension String {
    /// The string's UTF-8 bytes as a `BufferView` for the duration of `body`.
    func withUTF8View<R>(_ body: (BufferView<UInt8>) -> R) -> R {
        var bytes = self // withUTF8 is mutating: it may make the storage contiguous first
        return bytes.withUTF8 { body(BufferView($0)) }
    }
}
