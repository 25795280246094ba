import Foundation
import NAASCore
import Synchronization

/// A worker in this process that takes queued jobs in the very transaction
/// that inserts new ones, while it has free slots: a submission to an idle
/// worker then costs one transaction, not an insert, a wake-up, and a claim
/// of its own. The claim is the ordinary one (oldest queued jobs of the
/// worker's contexts first), so the queue's order and every check a claim
/// makes hold as before.
public struct JobTaker: Sendable {
    public let contexts: Set<String>
    public let lease: JobLease
    /// Takes up to `wanted` of the worker's free slots and returns how many it
    /// took. It must not block or suspend: it runs as a submission commits.
    public let reserve: @Sendable (_ wanted: Int) -> Int
    /// Receives, once committed, the jobs claimed into the reserved slots, and
    /// the reserved slots left unused. Called exactly once per nonzero
    /// reservation, on the store's writer: it must not block or suspend either.
    public let take: @Sendable (_ jobs: [ClaimedJob], _ unusedSlots: Int) -> Void

    public init(
        contexts: Set<String>, lease: JobLease, reserve: @escaping @Sendable (Int) -> Int,
        take: @escaping @Sendable ([ClaimedJob], Int) -> Void
    ) {
        self.contexts = contexts
        self.lease = lease
        self.reserve = reserve
        self.take = take
    }
}

/// The taker a store hands inserted jobs to, if any.
final class TakerSlot: Sendable {
    private let current = Mutex<JobTaker?>(nil)

    var taker: JobTaker? { current.withLock { $0 } }

    func set(_ taker: JobTaker?) {
        current.withLock { $0 = taker }
    }
}
