/// Feature hash → weight row, by open addressing with linear probing.
///
/// The tagger looks up some thirty features a token; the hashes are already well mixed (FNV-1a),
/// so a flat table probed with the hash itself is several times faster than `Dictionary`.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private let mask: Int

    init(_ entries: [UInt64: Int]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        keys = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        for (key, row) in entries {
            var slot = Int(truncatingIfNeeded: Self.stored(key)) & mask
            while rows[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = Self.stored(key)
            rows[slot] = Int32(row)
        }
    }

    /// Empty slots are marked by row -1; the key is mixed once more so that runs of taken slots stay short.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key ^ (key >> 29) }

    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        let stored = Self.stored(key)
        var slot = Int(truncatingIfNeeded: stored) & mask
        while rows[slot] >= 0 {
            if keys[slot] == stored { return Int(rows[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
