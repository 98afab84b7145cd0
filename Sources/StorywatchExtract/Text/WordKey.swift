/// What the lexicon's hash table files a word under (`WordTable.lookup(bytes:)`): a hash of its
/// UTF-8 bytes and their first 8 bytes, little-endian, zero-padded.
struct WordKey {
    let hash: UInt64
    let prefix: UInt64

    /// The key of `bytes`.
    @inline(__always)
    init(_ bytes: BufferView<UInt8>) {
        self.init(count: bytes.count) { k in
            guard k + 8 > bytes.count else { return bytes.littleEndianWord(at: k) }
            var tail: UInt64 = 0 // the last 1–7 bytes, zero-padded
            for i in k..<bytes.count { tail |= UInt64(bytes[i]) << UInt64(8 * (i - k)) }
            return tail
        }
    }

    /// The key of the first `count` bytes of `padded`, which holds zeros after them up to a
    /// multiple of 8: the last bytes are read in one load, as the others.
    @inline(__always)
    init(zeroPadded padded: BufferView<UInt8>, count: Int) {
        self.init(count: count) { padded.littleEndianWord(at: $0) }
    }

    /// The hash mixes 8 bytes a step (a word of up to 8 bytes is one step, its prefix): a short
    /// dependency chain before the slot load, where byte-wise FNV took a multiply a byte. Fixed
    /// constants, so the same table on every run. `word(k)`: bytes `k..<k + 8`, zero-padded.
    @inline(__always)
    private init(count n: Int, word: (Int) -> UInt64) {
        guard n > 0 else {
            (hash, prefix) = (0, 0)
            return
        }
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(truncatingIfNeeded: n) &* multiplier
        var prefix: UInt64 = 0
        var k = 0
        while k + 8 <= n {
            let chunk = word(k)
            if k == 0 { prefix = chunk }
            h = (h ^ chunk) &* multiplier
            h ^= h >> 32
            k += 8
        }
        if k < n { // the last 1–7 bytes
            let tail = word(k)
            if k == 0 { prefix = tail }
            h = (h ^ tail) &* multiplier
        }
        // splitmix64's finalizer: the low bits pick the slot, the high ones go to `meta`.
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        (hash, self.prefix) = (h, prefix)
    }
}
