/// Per-token values for the length of one call (a flag a token, a word's number), on the stack:
/// a rule that runs on every sentence allocates nothing. Reads and writes are checked against
/// `count` in debug builds, not in release ones. Valid only inside `withScratch`'s closure.
struct ScratchBuffer<Element: BitwiseCopyable> {
    private let storage: UnsafeMutableBufferPointer<Element>

    fileprivate init(_ storage: UnsafeMutableBufferPointer<Element>) { self.storage = storage }

    var count: Int { storage.count }

    @inline(__always)
    subscript(position: Int) -> Element {
        get { storage[position] }
        nonmutating set { storage[position] = newValue }
    }

    /// The first `n` values, read-only.
    @inline(__always)
    func prefix(_ n: Int) -> BufferView<Element> {
        BufferView(UnsafeBufferPointer(rebasing: storage[..<n]))
    }
}

/// Runs `body` with `count` values on the stack, each set to `initial`.
@inline(__always)
func withScratch<Element: BitwiseCopyable, R>(count: Int, initial: Element, _ body: (ScratchBuffer<Element>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Element.self, capacity: count) { storage in
        storage.initialize(repeating: initial)
        return body(ScratchBuffer(storage))
    }
}
