import Foundation
import GRDB
import NAASCore

/// Leases and wake-ups of the embedded store.
extension SQLiteJobStore: QueueWakeups {
    @discardableResult
    public func renewLeases(worker: String, jobs: [String], until: Date) async throws -> [String] {
        guard !jobs.isEmpty else { return [] }
        let ids = String(decoding: try JSONEncoder().encode(jobs), as: UTF8.self)
        return try await pool.write { db in
            try String.fetchAll(db, sql: """
                UPDATE jobs SET lease_expires_at = ?
                WHERE status = 'started' AND worker = ? AND lease_expires_at IS NOT NULL
                    AND id IN (SELECT value FROM json_each(?))
                RETURNING id
                """, arguments: [until.timeIntervalSince1970, worker, ids])
        }
    }

    public func failExpiredLeases(now: Date, reason: @escaping @Sendable (_ worker: String) -> String) async throws -> [String] {
        let clock = now.timeIntervalSince1970
        let keep = retention.failed
        let failed = try await pool.write { db in
            let lapsed = try Row.fetchAll(db, sql: """
                SELECT id, worker FROM jobs
                WHERE status = 'started' AND lease_expires_at IS NOT NULL AND lease_expires_at <= ?
                ORDER BY seq
                """, arguments: [clock]).map { row in (id: row["id"] as String, worker: row["worker"] as String? ?? "unknown") }
            for job in lapsed {
                try db.execute(sql: """
                    UPDATE jobs SET status = 'failed', error = ?, ended_at = ?, expires_at = ?, credentials = NULL,
                        lease_expires_at = NULL
                    WHERE id = ?
                    """, arguments: [reason(job.worker), clock, clock + keep, job.id])
            }
            return lapsed.map { $0.id }
        }
        for id in failed { jobEvents.announce(id) }
        return failed
    }

    public func queueWakeups(contexts: Set<String>?) -> AsyncStream<Void> {
        wakeups.subscribe(keys: contexts)
    }
}

extension SQLiteJobStore: JobChanges {
    public func jobChanges(id: String) -> AsyncStream<Void> {
        jobEvents.subscribe(keys: [id])
    }

    public func laterChanges(of id: String) -> AsyncStream<Void> {
        jobEvents.subscribe(keys: [id], tickingAtStart: false)
    }

    public func anyJobChanges() -> AsyncStream<Void> {
        jobEvents.subscribe(keys: nil)
    }

    public func endedRecord(of id: String) -> JobRecord? {
        endings.record(of: id)
    }
}
