/// A symbol a trie's edge is labelled with: its 64-bit hash is known without hashing again.
public protocol TrieSymbol: Equatable, Sendable {
    /// A well-spread hash of the symbol; equal symbols have equal hashes.
    var trieHash: UInt64 { get }
}

extension LetterKey: TrieSymbol {
    @inlinable public var trieHash: UInt64 { hashCode }
}

extension UInt32: TrieSymbol {
    @inlinable public var trieHash: UInt64 { UInt64(self) &* 0x9E3779B97F4A7C15 }
}

/// The edges of a trie whose nodes are numbered: (parent node, symbol) → child node, in one
/// open-addressing table with linear probing.
///
/// Tries of words and of letters are walked at every token; a `Dictionary` per node hashes the
/// symbol with SipHash at each step and a node's copy retains its dictionary. Here a miss, what
/// most tokens meet at the root, is one probe of a flat array.
public struct TrieEdges<Symbol: TrieSymbol>: Sendable {
    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var parent: Int32
        @usableFromInline var child: Int32   // -1: empty
        @usableFromInline var hash: UInt64   // the symbol's, compared before the symbol itself
        @usableFromInline var symbol: Symbol?
    }

    @usableFromInline var slots: [Slot]
    @usableFromInline var mask: Int
    private var count = 0

    public init() {
        slots = Array(repeating: Slot(parent: 0, child: -1, hash: 0, symbol: nil), count: 16)
        mask = 15
    }

    @inlinable @inline(__always)
    static func start(_ parent: Int32, _ symbol: Symbol, _ mask: Int) -> Int {
        let mixed = (symbol.trieHash ^ (UInt64(UInt32(bitPattern: parent)) &* 0xC2B2AE3D27D4EB4F)) &* 0xFF51AFD7ED558CCD
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// The child of `parent` along `symbol`, if the trie has that edge.
    @inlinable
    public func child(of parent: Int32, _ symbol: Symbol) -> Int32? {
        let mask = mask, hash = symbol.trieHash
        var i = Self.start(parent, symbol, mask)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let child = slots[i].child
                if child < 0 { return nil }
                if slots[i].hash == hash && slots[i].parent == parent && slots[i].symbol == symbol { return child }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds an edge; `parent` must not have one along `symbol` yet.
    public mutating func insert(parent: Int32, _ symbol: Symbol, child: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Self.start(parent, symbol, mask)
        while slots[i].child >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(parent: parent, child: child, hash: symbol.trieHash, symbol: symbol)
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(parent: 0, child: -1, hash: 0, symbol: nil), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.child >= 0 { insert(parent: slot.parent, slot.symbol!, child: slot.child) }
    }
}
