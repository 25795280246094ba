import Foundation
import Synchronization

/// Rate-limit counts: kept in memory per subject and window, so a request
/// never waits on the database, and added to the store in the background a
/// few times a second. Each flush brings back the store's totals, which
/// include what other processes sharing it counted; until the next flush,
/// a process adds its own new requests to the last totals it saw.
final class RequestTally: Sendable {
    struct Key: Hashable, Sendable {
        let subject: String
        let windowStart: Double
    }

    /// Adds the counts to the store; returns the store's totals for the same keys.
    typealias Writer = @Sendable ([Key: Int]) async throws -> [Key: Int]

    private struct State: Sendable {
        /// Counted here, not yet in the store.
        var pending: [Key: Int] = [:]
        /// Being added to the store by the flush under way.
        var inFlight: [Key: Int] = [:]
        /// The store's totals at the last flush.
        var stored: [Key: Int] = [:]
        var flushing = false
        /// The window start `stored` was last pruned for.
        var prunedBefore = -Double.infinity
        /// The store is closed: nothing is flushed any more.
        var stopped = false
    }

    private let state = Mutex(State())
    private let writer: Writer
    private let flushInterval: Duration

    init(flushInterval: Duration = .milliseconds(50), writer: @escaping Writer) {
        self.flushInterval = flushInterval
        self.writer = writer
    }

    /// Counts one request against each subject; returns each one's count in this window so far.
    func count(_ subjects: [String], windowStart: Double) -> [Int] {
        let (counts, startFlushing) = state.withLock { state in
            let counts = subjects.map { subject in
                let key = Key(subject: subject, windowStart: windowStart)
                state.pending[key, default: 0] += 1
                return state.stored[key, default: 0] + state.inFlight[key, default: 0] + state.pending[key, default: 0]
            }
            // Totals of windows that have ended answer nothing any more; pruned once per new window.
            if windowStart > state.prunedBefore {
                state.stored = state.stored.filter { $0.key.windowStart >= windowStart }
                state.prunedBefore = windowStart
            }
            let startFlushing = !state.flushing && !state.stopped
            if startFlushing { state.flushing = true }
            return (counts, startFlushing)
        }
        if startFlushing {
            Task { await self.flushWhilePending() }
        }
        return counts
    }

    /// Returns once every count taken so far is in the store (or after `timeout`).
    func drained(timeout: Duration = .seconds(10)) async {
        let deadline = ContinuousClock.now + timeout
        while state.withLock({ $0.flushing }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Stops flushing, for a store being closed: counts not yet in the store
    /// are dropped rather than retried against a database that is gone.
    func stop() {
        state.withLock { $0.stopped = true }
    }

    private func flushWhilePending() async {
        while true {
            try? await Task.sleep(for: flushInterval)
            let batch = state.withLock { state in
                if state.stopped { state.pending = [:] }
                let batch = state.pending
                state.pending = [:]
                state.inFlight = batch
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let totals = try await writer(batch)
                state.withLock { state in
                    for (key, total) in totals { state.stored[key] = total }
                    state.inFlight = [:]
                }
            } catch {
                // Keep the counts for the next flush rather than forget requests.
                state.withLock { state in
                    for (key, count) in batch { state.pending[key, default: 0] += count }
                    state.inFlight = [:]
                }
            }
        }
    }
}
