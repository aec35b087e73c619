import Synchronization

/// Remembers how each distinct written word splits, shared by all threads using a segmenter.
///
/// News text repeats itself: a few tens of thousands of word forms make up most tokens, so
/// scoring each form once and reusing the plan makes segmentation several times faster.
/// The cache forgets everything when it grows past `capacity`, which bounds its memory.
final class PlanCache: Sendable {
    /// A word's split and its matching keys.
    struct Analysis: Sendable {
        var plan: [CliticSegmenter.PlannedSegment]
        var keys: SegmentKeys
    }

    private let plans = Mutex<[LetterKey: Analysis]>([:])
    private let capacity: Int

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    func analysis(for word: LetterKey, compute: () -> Analysis) -> Analysis {
        if let known = plans.withLock({ $0[word] }) { return known }
        let plan = compute()
        plans.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[word] = plan
        }
        return plan
    }
}
