import Foundation
import GRDB

/// Submissions to the embedded store, committed by its writer.
extension SQLiteJobStore {
    public func enqueue(_ job: NewJob) async throws {
        let pending = try PendingJob(job, vault: vault)
        try await withCheckedThrowingContinuation { continuation in
            if submissions.add(.init(job: pending, continuation: continuation)) {
                pool.asyncWriteWithoutTransaction { [self] db in commitSubmissions(db) }
            }
        }.check(job.id)
    }

    /// Runs on the writer: commits the waiting submissions, a group per
    /// transaction, until none wait. When this process's worker has free
    /// slots, a group's transaction also claims for it. Then tells the queue's
    /// watchers of the new jobs, unless that claim left none queued, and only
    /// then answers the group's callers.
    func commitSubmissions(_ db: Database) {
        while let group = submissions.nextGroup() {
            let jobs = group.map(\.job)
            let taker = insertedJobsTaker.taker.flatMap { taker in jobs.contains { taker.contexts.contains($0.context) } ? taker : nil }
            // One slot more than the group has jobs: a claim that fills fewer slots than it had shows the queue empty.
            let reserved = taker?.reserve(jobs.count + 1) ?? 0
            let now = Date().timeIntervalSince1970
            var insertions: [Insertion] = []
            var claimed: [ClaimedRow]?
            do {
                try Self.inImmediateTransaction(db) {
                    // ON CONFLICT leaves a taken id, or a dedup key of an active job, alone and tells that caller
                    // alone; the rest of the group commits.
                    insertions = try jobs.map { job in try Self.insert(job, db) }
                    if let taker, reserved > 0, insertions.contains(.inserted) {
                        // A claim that fails must not fail the submissions: the worker claims after the wake-up instead.
                        try? db.inSavepoint {
                            claimed = try Self.claimRows(
                                upTo: reserved, contexts: taker.contexts, lease: taker.lease, now: now,
                                circuitTimeout: circuitTimeout, db)
                            return .commit
                        }
                    }
                }
            } catch {
                if let taker, reserved > 0 { taker.take([], reserved) }
                for waiting in group { waiting.continuation.resume(throwing: error) }
                continue
            }
            var drained: Set<String> = []
            if let taker, reserved > 0 {
                let (handed, unreadable) = openClaims(claimed ?? [])
                // The writer does not wait for them to be ended failed: a task of their own does that.
                if !unreadable.isEmpty {
                    Task { [self, unreadable] in await endUnreadable(unreadable) }
                }
                taker.take(handed, reserved - handed.count)
                if let claimed, claimed.count < reserved { drained = taker.contexts }
            }
            let inserted = zip(jobs, insertions).filter { $0.1 == .inserted }.map(\.0.context)
            for context in Set(inserted) where !drained.contains(context) { wakeups.announce(context) }
            for (waiting, insertion) in zip(group, insertions) { waiting.continuation.resume(returning: insertion) }
        }
    }

    /// `BEGIN IMMEDIATE` … `COMMIT` through cached statements. Under load the
    /// writer commits a transaction for nearly every submission, and parsing
    /// both statements again each time cost about as much as the insert.
    static func inImmediateTransaction(_ db: Database, _ body: () throws -> Void) throws {
        try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            try body()
            try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
        } catch {
            if db.isInsideTransaction { try? db.rollback() }
            throw error
        }
    }
}
