/// The positions of a trigger's literal words, ascending. A run without gaps (most phrases)
/// is kept as a range, so finding a trigger allocates nothing; a gapped one keeps its list.
/// Answers what the rules ask of a set of positions: `contains`, `sorted()`, iteration.
struct TokenPositions: Sendable, Sequence {
    private let run: Range<Int>
    private let list: [Int]?

    /// `positions` ascending.
    init(_ positions: BufferView<Int>) {
        if let first = positions.first, let last = positions.last, last - first + 1 == positions.count {
            run = first..<last + 1
            list = nil
        } else {
            run = 0..<0
            list = Array(positions)
        }
    }

    func contains(_ position: Int) -> Bool {
        if let list { return list.contains(position) }
        return run.contains(position)
    }

    func sorted() -> [Int] { list ?? Array(run) }

    func makeIterator() -> Iterator { Iterator(positions: self) }

    struct Iterator: IteratorProtocol {
        fileprivate let positions: TokenPositions
        private var k = 0

        fileprivate init(positions: TokenPositions) { self.positions = positions }

        mutating func next() -> Int? {
            defer { k += 1 }
            if let list = positions.list { return k < list.count ? list[k] : nil }
            return k < positions.run.count ? positions.run.lowerBound + k : nil
        }
    }
}
