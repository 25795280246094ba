import Synchronization

/// Commits concurrent writes together: while one transaction is in flight,
/// later writes queue up and go in the next transaction as a group. Each
/// caller still returns only after its own write is committed, but a burst of
/// submissions costs one trip to the database writer, not one each — on a
/// small VM the thread hops and WAL appends, not SQLite, dominate a commit.
final class GroupCommit<Item: Sendable, Outcome: Sendable>: Sendable {
    /// Writes a whole group in one transaction; returns one outcome per item, in order.
    typealias Writer = @Sendable ([Item]) async throws -> [Outcome]

    private struct Waiting: Sendable {
        let item: Item
        let continuation: CheckedContinuation<Outcome, any Error>
    }

    private struct State: Sendable {
        var waiting: [Waiting] = []
        var flushing = false
    }

    private let state = Mutex(State())
    private let writer: Writer

    init(writer: @escaping Writer) {
        self.writer = writer
    }

    func submit(_ item: Item) async throws -> Outcome {
        let leads = state.withLock { state in
            defer { state.flushing = true }
            return !state.flushing
        }
        guard leads else {
            return try await withCheckedThrowingContinuation { continuation in
                let startFlushing = state.withLock { state in
                    state.waiting.append(Waiting(item: item, continuation: continuation))
                    defer { state.flushing = true }
                    return !state.flushing
                }
                if startFlushing {
                    Task { await self.flush() }
                }
            }
        }
        // Nothing was in flight: this caller writes at once, on its own task, rather than
        // wake a flushing task and wait for it; writes that queue meanwhile go in the next group.
        let outcome: Result<Outcome, any Error>
        do {
            outcome = .success(try await writer([item])[0])
        } catch {
            outcome = .failure(error)
        }
        let more = state.withLock { state in
            if state.waiting.isEmpty { state.flushing = false }
            return state.flushing
        }
        if more {
            Task { await self.flush() }
        }
        return try outcome.get()
    }

    private func flush() async {
        while true {
            let group = state.withLock { state in
                let group = state.waiting
                state.waiting = []
                if group.isEmpty { state.flushing = false }
                return group
            }
            guard !group.isEmpty else { return }
            do {
                let outcomes = try await writer(group.map(\.item))
                for (waiting, outcome) in zip(group, outcomes) { waiting.continuation.resume(returning: outcome) }
            } catch {
                for waiting in group { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
