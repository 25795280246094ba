import Foundation
import Synchronization

/// The active lockouts, read from the store at most once per `maxAge` and
/// at once after this process writes one: every request asks about
/// lockouts, and almost always the answer is "none".
final class LockoutSnapshot: Sendable {
    struct Key: Hashable, Sendable {
        let scope: String
        let subject: String
    }

    private struct State: Sendable {
        var lockouts: [Key: Double] = [:]
        /// When the store was last read; nil forces a read.
        var readAt: Double?
        /// Bumped by every invalidation, so a read that raced one is not kept.
        var generation = 0
    }

    private let state = Mutex(State())
    private let maxAge: Double

    init(maxAge: Double = 1) {
        self.maxAge = maxAge
    }

    /// The end of the subject's lockout if the snapshot is fresh enough to
    /// answer; `.unknown` when it must be reloaded first.
    enum Answer: Equatable {
        /// Read the store, then `replace` with what it holds, passing this generation.
        case unknown(generation: Int)
        case known(until: Double?)
    }

    func lookup(_ key: Key, now: Double) -> Answer {
        state.withLock { state in
            guard let readAt = state.readAt, now - readAt < maxAge, now >= readAt else {
                return .unknown(generation: state.generation)
            }
            return .known(until: state.lockouts[key].flatMap { $0 > now ? $0 : nil })
        }
    }

    /// Keeps a fresh read, unless a lockout was written since it began.
    func replace(with lockouts: [Key: Double], readAt: Double, generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            state.lockouts = lockouts
            state.readAt = readAt
        }
    }

    /// Forgets what it knew: the next lookup reads the store.
    func invalidate() {
        state.withLock { state in
            state.readAt = nil
            state.generation += 1
        }
    }
}
