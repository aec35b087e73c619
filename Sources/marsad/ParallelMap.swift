import Dispatch
import Foundation
import Synchronization

/// Maps over a batch on every core, keeping the input order: workers take the next item from a
/// shared counter, so long and short documents balance out.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ items: [Input], cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                                                       _ body: @Sendable (Input) -> Output) -> [Output] {
        guard cores > 1, items.count > 1 else { return items.map(body) }
        let next = Atomic(0)
        let results = Mutex([Output?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: min(cores, items.count)) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < items.count else { return }
                let output = body(items[i])
                results.withLock { $0[i] = output }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Maps a batch at a time on every core and hands each output to `body` in input order, so
    /// that a long run (extract, then store one document per transaction) holds one batch of
    /// outputs at a time.
    static func forEach<Input: Sendable, Output: Sendable>(_ items: [Input], batch: Int = 32, map transform: @Sendable (Input) -> Output,
                                                           _ body: (Output) async throws -> Void) async rethrows {
        for start in stride(from: 0, to: items.count, by: batch) {
            for output in self.map(Array(items[start..<min(start + batch, items.count)]), transform) { try await body(output) }
        }
    }
}
