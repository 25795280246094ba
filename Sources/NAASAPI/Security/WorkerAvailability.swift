import Foundation
import NAASStore
import Synchronization

/// Which contexts have a live worker, from the store's registry. A positive
/// answer is reused for a second, so submissions do not each read the
/// registry; a negative one is always read afresh.
final class WorkerAvailability: Sendable {
    private let registry: any WorkerRegistry
    private let clock: @Sendable () -> Date
    private let cache = Mutex<(readAt: Date, workers: [WorkerRegistration])?>(nil)

    init(registry: any WorkerRegistry, clock: @escaping @Sendable () -> Date) {
        self.registry = registry
        self.clock = clock
    }

    /// Live workers serving `context`.
    func workers(serving context: String) async throws -> Int {
        let now = clock()
        if let cached = cache.withLock({ $0 }), now.timeIntervalSince(cached.readAt) < 1 {
            let count = cached.workers.filter { $0.contexts.contains(context) }.count
            if count > 0 { return count }
        }
        return try await liveWorkers().filter { $0.contexts.contains(context) }.count
    }

    /// Every live worker, read now.
    func liveWorkers() async throws -> [WorkerRegistration] {
        let now = clock()
        let workers = try await registry.liveWorkers(since: now.addingTimeInterval(-WorkerRegistration.liveness))
        cache.withLock { $0 = (now, workers) }
        return workers
    }
}
