import NAASCore
import Synchronization

/// The records of jobs that ended while a client waited on them, as the
/// ending's own transaction read them. A waiter woken by the end answers from
/// here instead of reading the job again: on a small machine that read, a
/// trip to the database's own thread and back, is a tenth of a warm job's time.
/// Kept only briefly, for the waiters of that moment; an ended job changes no more.
final class RecentEndings: Sendable {
    private struct State: Sendable {
        var records: [String: JobRecord] = [:]
        /// The ids in the order they were kept, from `oldest` on, with when.
        var order: [(id: String, at: ContinuousClock.Instant)] = []
        var oldest = 0

        mutating func dropExpired(before cutoff: ContinuousClock.Instant) {
            while oldest < order.count, order[oldest].at < cutoff {
                // A job ends once, so each id is kept once.
                records[order[oldest].id] = nil
                oldest += 1
            }
            if oldest > 64, oldest * 2 > order.count {
                order.removeFirst(oldest)
                oldest = 0
            }
        }
    }

    private let state = Mutex(State())
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(2)) {
        self.lifetime = lifetime
    }

    func keep(_ record: JobRecord) {
        let now = ContinuousClock.now
        state.withLock { state in
            state.records[record.id] = record
            state.order.append((record.id, now))
            state.dropExpired(before: now - lifetime)
        }
    }

    /// The ended record of job `id`, if it ended moments ago while watched.
    func record(of id: String) -> JobRecord? {
        let now = ContinuousClock.now
        return state.withLock { state in
            state.dropExpired(before: now - lifetime)
            return state.records[id]
        }
    }
}
