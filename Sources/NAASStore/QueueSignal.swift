/// Wakes the job dispatcher when something may be waiting in the queue.
/// Signals coalesce: a thousand enqueues before the dispatcher looks are one wake-up.
public final class QueueSignal: Sendable {
    private let continuation: AsyncStream<Void>.Continuation
    /// The wake-ups, for the one dispatcher that consumes them.
    public let wakeups: AsyncStream<Void>

    public init() {
        (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    public func notify() {
        continuation.yield()
    }

    /// Ends the stream: the dispatcher stops claiming.
    public func finish() {
        continuation.finish()
    }
}
