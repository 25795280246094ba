import Synchronization

/// Whether a statement waiting for a pooled connection may still start.
///
/// A statement that waited too long is abandoned before it is sent, never
/// after: the caller is told `unavailable` only when its write cannot happen.
/// The two ends race (a connection arriving, the wait running out), so
/// exactly one of `begin()` and `abandon()` wins.
final class ConnectionWait: Sendable {
    private enum State { case waiting, begun, abandoned }

    private let state = Mutex(State.waiting)

    /// Called with the connection in hand: true when the statement may be sent.
    func begin() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .begun
            return true
        }
    }

    /// Called when the wait runs out: true when the statement will now never be sent.
    func abandon() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .abandoned
            return true
        }
    }
}
