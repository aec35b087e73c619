/// Feature hash → weight row, by open addressing with linear probing.
///
/// The tagger looks up some forty features a token; the hashes are already well mixed,
/// so a flat table probed with the hash itself is several times faster than `Dictionary`.
struct FeatureTable: Sendable {
    /// A key's upper half and its row side by side, eight bytes, so that a probe touches one
    /// cache line and the table stays small enough for the cache. The lower bits choose the slot,
    /// so two features share a slot and a check only with probability 2⁻³² per probe.
    private struct Slot {
        var check: UInt32
        var row: Int32   // -1: empty
    }

    private var slots: [Slot]
    private let mask: Int

    init(_ entries: [UInt64: Int]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = [Slot](repeating: Slot(check: 0, row: -1), count: capacity)
        for (key, row) in entries {
            let stored = Self.stored(key)
            var slot = Int(truncatingIfNeeded: stored) & mask
            while slots[slot].row >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(check: UInt32(truncatingIfNeeded: stored >> 32), row: Int32(row))
        }
    }

    /// Empty slots are marked by row -1; the key is mixed once more so that runs of taken slots stay short.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key ^ (key >> 29) }

    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        let stored = Self.stored(key)
        let check = UInt32(truncatingIfNeeded: stored >> 32)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: stored) & mask
            while slots[slot].row >= 0 {
                if slots[slot].check == check { return Int(slots[slot].row) }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
