/// Values for the few word ids that have one (number words, toll units) out of every id.
/// Rules ask it of every token: a two-byte index an id keeps the look-up in cache, where an
/// array of optional values (16 bytes an id) spreads over hundreds of kilobytes.
struct SparseByID<Value: Sendable>: Sendable {
    /// Per id: 0 (no value), else the value's position in `values` + 1.
    private let slots: [UInt16]
    private let values: [Value]

    init(_ byID: [Value?]) {
        var slots = [UInt16](repeating: 0, count: byID.count)
        var values: [Value] = []
        for (id, value) in byID.enumerated() {
            guard let value else { continue }
            values.append(value)
            precondition(values.count <= Int(UInt16.max), "too many word values for SparseByID")
            slots[id] = UInt16(values.count)
        }
        self.slots = slots
        self.values = values
    }

    subscript(id: Int) -> Value? {
        let slot = slots[id]
        return slot == 0 ? nil : values[Int(slot) - 1]
    }
}
