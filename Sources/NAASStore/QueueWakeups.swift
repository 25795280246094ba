import Synchronization

/// Tells a dispatcher when the queue may hold something for it, so that it
/// claims at once instead of waiting for its next poll. A wake-up is a hint,
/// never a promise: the claim decides, and polling still covers a wake-up
/// that was missed (PostgreSQL drops notifications while nobody listens).
public protocol QueueWakeups: Sendable {
    /// A new stream that yields when a job may have been enqueued in one of
    /// `contexts` (any, when nil). It yields once at the start, so that its
    /// consumer looks at the queue before it first waits, and wake-ups that
    /// arrive before the consumer looks coalesce into one. It ends when the
    /// store is closed.
    ///
    /// SQLite tells of jobs enqueued through this store instance; PostgreSQL
    /// tells of jobs enqueued by every process sharing the database.
    func queueWakeups(contexts: Set<String>?) -> AsyncStream<Void>
}

extension QueueWakeups {
    /// Wake-ups for jobs of every context.
    public func queueWakeups() -> AsyncStream<Void> {
        queueWakeups(contexts: nil)
    }
}

/// Fans wake-ups out to every stream that wants them: a stream names the
/// keys it wants (contexts of the queue, ids of jobs), or nil for all.
final class WakeupBroadcast: Sendable {
    private struct Subscriber: Sendable {
        let keys: Set<String>?
        let continuation: AsyncStream<Void>.Continuation
    }

    private struct State: Sendable {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        var finished = false
    }

    private let state = Mutex(State())

    /// A stream of the wake-ups for `keys`; unless `tickingAtStart` is false it also yields once right away.
    func subscribe(keys: Set<String>?, tickingAtStart: Bool = true) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            defer { state.nextID += 1 }
            state.subscribers[state.nextID] = Subscriber(keys: keys, continuation: continuation)
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        if tickingAtStart { continuation.yield() }
        return stream
    }

    /// Wakes the streams that want `key`; every stream, when nil (anything may have changed).
    func announce(_ key: String?) {
        let targets = state.withLock { state in
            state.subscribers.values.filter { subscriber in
                guard let key, let wanted = subscriber.keys else { return true }
                return wanted.contains(key)
            }
        }
        for target in targets { target.continuation.yield() }
    }

    /// Whether a stream waits on `key` by name (not merely on every key).
    func isWatched(_ key: String) -> Bool {
        state.withLock { state in state.subscribers.values.contains { $0.keys?.contains(key) == true } }
    }

    /// Ends every stream, and those subscribed later at once.
    func finish() {
        let all = state.withLock { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in all { subscriber.continuation.finish() }
    }
}
