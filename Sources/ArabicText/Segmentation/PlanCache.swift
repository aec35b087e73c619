import Synchronization

/// Remembers how each distinct written word splits, shared by all threads using a segmenter.
///
/// News text repeats itself: a few tens of thousands of word forms make up most tokens, so
/// scoring each form once and reusing the plan makes segmentation several times faster.
/// The cache is split into shards, each behind its own lock, so that threads rarely wait for
/// one another; a shard forgets everything when it grows past its share of `capacity`,
/// which bounds memory.
final class PlanCache: Sendable {
    /// A word's split and its matching keys.
    struct Analysis: Sendable {
        var plan: [CliticSegmenter.PlannedSegment]
        var keys: SegmentKeys
        /// The word's letters as written (no marks).
        var written: String
    }

    /// One lock and the words behind it.
    private final class Shard: Sendable {
        let words = Mutex<[LetterKey: Analysis]>([:])
    }

    private static let shardCount = 16
    private let shards: [Shard]
    private let shardCapacity: Int

    init(capacity: Int = 200_000) {
        shards = (0..<Self.shardCount).map { _ in Shard() }
        shardCapacity = max(1, capacity / Self.shardCount)
    }

    func analysis(for word: LetterKey, compute: () -> Analysis) -> Analysis {
        let shard = shards[Int(UInt(bitPattern: word.hashValue) % UInt(Self.shardCount))]
        if let known = shard.words.withLock({ $0[word] }) { return known }
        let analysis = compute()
        shard.words.withLock { cache in
            if cache.count >= shardCapacity { cache.removeAll(keepingCapacity: true) }
            cache[word] = analysis
        }
        return analysis
    }
}
