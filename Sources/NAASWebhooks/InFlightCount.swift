import Synchronization

/// Deliveries under way in this process, against the room it has for them.
final class InFlightCount: Sendable {
    private let count = Mutex(0)

    /// Takes a place if fewer than `limit` are taken.
    func take(upTo limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() {
        count.withLock { $0 -= 1 }
    }
}
