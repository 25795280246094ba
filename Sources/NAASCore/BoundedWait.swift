import Synchronization

/// Why a bounded wait ended without an answer.
public struct WaitExpired: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "no answer within \(limit)" }
}

/// Awaits `work` for at most `limit`, then stops waiting for it.
///
/// The work is not stopped, only no longer awaited: use it only where a late
/// answer is harmless and trying again is safe (recording a result the store
/// accepts once), or where the caller decides what to do with work still
/// running. Unlike a task group, which awaits every child before it
/// returns, an unanswered call here does not hold its caller.
public func awaiting<Value: Sendable>(
    atMost limit: Duration, _ work: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let pending = Mutex<CheckedContinuation<Value, any Error>?>(nil)
    let settle: @Sendable (Result<Value, any Error>) -> Void = { result in
        pending.withLock { continuation in
            continuation?.resume(with: result)
            continuation = nil
        }
    }
    return try await withCheckedThrowingContinuation { continuation in
        pending.withLock { $0 = continuation }
        let worker = Task {
            do { settle(.success(try await work())) } catch { settle(.failure(error)) }
        }
        Task {
            try? await Task.sleep(for: limit)
            settle(.failure(WaitExpired(limit: limit)))
            _ = worker  // the work runs on; its late answer finds nothing to resume
        }
    }
}
