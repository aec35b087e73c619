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
}
