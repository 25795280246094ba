import Foundation
import PostgresNIO

/// Leases and wake-ups of the shared store.
extension PostgresJobStore: QueueWakeups, JobChanges {
    @discardableResult
    public func renewLeases(worker: String, jobs: [String], until: Date) async throws -> [String] {
        guard !jobs.isEmpty else { return [] }
        return try await rows("""
            UPDATE jobs SET lease_expires_at = \(until.timeIntervalSince1970)
            WHERE status = 'started' AND worker = \(worker) AND lease_expires_at IS NOT NULL AND id = ANY(\(jobs))
            RETURNING id
            """).map { try $0.decode(String.self) }
    }

    public func failExpiredLeases(now: Date, reason: @escaping @Sendable (_ worker: String) -> String) async throws -> [String] {
        let clock = now.timeIntervalSince1970
        let keep = retention.failed
        return try await transaction { [self] connection in
            // Locked as they are read, so two processes reaping at once fail each job once.
            let lapsed = try await connection.rows("""
                SELECT id, worker FROM jobs
                WHERE status = 'started' AND lease_expires_at IS NOT NULL AND lease_expires_at <= \(clock)
                ORDER BY seq
                FOR UPDATE SKIP LOCKED
                """, logger: logger).map { row in
                let (id, worker) = try row.decode((String, String?).self)
                return (id: id, worker: worker ?? "unknown")
            }
            for job in lapsed {
                try await connection.query("""
                    UPDATE jobs SET status = 'failed', error = \(reason(job.worker)), ended_at = \(clock),
                        expires_at = \(clock + keep), credentials = NULL, lease_expires_at = NULL
                    WHERE id = \(job.id)
                    """, logger: logger)
                try await connection.query(
                    "SELECT pg_notify(\(PostgresQueueListener.channel), \(PostgresQueueListener.jobPayload(job.id)))", logger: logger)
            }
            return lapsed.map { $0.id }
        }
    }

    public func queueWakeups(contexts: Set<String>?) -> AsyncStream<Void> {
        wakeups.subscribe(keys: contexts)
    }

    public func jobChanges(id: String) -> AsyncStream<Void> {
        jobEvents.subscribe(keys: [id])
    }

    public func laterChanges(of id: String) -> AsyncStream<Void> {
        jobEvents.subscribe(keys: [id], tickingAtStart: false)
    }

    public func anyJobChanges() -> AsyncStream<Void> {
        jobEvents.subscribe(keys: nil)
    }

    /// Waits (up to `timeout`) until this store listens for wake-ups from other processes.
    func waitUntilListening(timeout: Duration) async -> Bool {
        await listener.waitUntilListening(timeout: timeout)
    }
}
