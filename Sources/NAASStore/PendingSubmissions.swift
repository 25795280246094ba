import Synchronization

/// Submissions waiting for the SQLite writer. The writer takes them in
/// groups, one transaction each, and goes straight on to the group that
/// queued meanwhile: a burst of submissions keeps it busy without handing
/// control back to a task between commits, which on a small machine costs
/// more than the commit.
final class PendingSubmissions: Sendable {
    struct Waiting: Sendable {
        let job: PendingJob
        let continuation: CheckedContinuation<Insertion, any Error>
    }

    private struct State: Sendable {
        var waiting: [Waiting] = []
        var draining = false
    }

    private let state = Mutex(State())

    /// Queues a submission; true when no writer is draining, so the caller must start one.
    func add(_ submission: Waiting) -> Bool {
        state.withLock { state in
            state.waiting.append(submission)
            defer { state.draining = true }
            return !state.draining
        }
    }

    /// Everything queued since the last group, or nil when nothing is: then draining stops.
    func nextGroup() -> [Waiting]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.draining = false
                return nil
            }
            defer { state.waiting = [] }
            return state.waiting
        }
    }
}
