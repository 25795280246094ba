import Foundation
import GRDB
import NAASCore

/// Claims of the embedded store: a worker's own, and those made for it in
/// the transaction that inserts new jobs (`commitSubmissions`).
extension SQLiteJobStore {
    public func claim(upTo limit: Int, contexts: Set<String>?, lease: JobLease?) async throws -> [ClaimedJob] {
        guard limit > 0, contexts?.isEmpty != true else { return [] }
        let now = Date().timeIntervalSince1970
        let circuitTimeout = self.circuitTimeout
        let claimed = try await pool.write { db in
            try Self.claimRows(upTo: limit, contexts: contexts, lease: lease, now: now, circuitTimeout: circuitTimeout, db)
        }
        return await handedOut(claimed)
    }

    public func handInsertedJobs(to taker: JobTaker?) {
        insertedJobsTaker.set(taker)
    }

    /// The circuit breaker's timeout when it is on, for the claims that read each device's circuit.
    var circuitTimeout: TimeInterval? {
        protection.circuitThreshold > 0 ? protection.circuitTimeout : nil
    }

    /// Claimed rows as a worker runs them: watchers told, logins opened; an unreadable job is ended failed first.
    private func handedOut(_ claimed: [ClaimedRow]) async -> [ClaimedJob] {
        let (jobs, unreadable) = openClaims(claimed)
        await endUnreadable(unreadable)
        return jobs
    }

    /// Claimed rows as a worker runs them, watchers told, and the jobs whose spec or login cannot be read back.
    func openClaims(_ claimed: [ClaimedRow]) -> (jobs: [ClaimedJob], unreadable: [(id: String, error: any Error)]) {
        for row in claimed { jobEvents.announce(row.id) }
        return Self.opened(claimed.map { row in (row.id, { try row.job(opening: self.vault) }) })
    }

    /// Moves the oldest queued jobs of `contexts` to started, in `db`'s transaction.
    static func claimRows(
        upTo limit: Int, contexts: Set<String>?, lease: JobLease?, now: Double, circuitTimeout: TimeInterval?, _ db: Database
    ) throws -> [ClaimedRow] {
        var arguments: StatementArguments = [now, lease?.worker, lease.map { now + $0.duration }]
        var contextFilter = ""
        if let contexts {
            let condition = contextCondition(contexts)
            contextFilter = " AND " + condition.sql
            arguments += condition.arguments
        }
        arguments += [limit]
        // RETURNING follows no order: the rows are put back in queue order by seq.
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            UPDATE jobs SET status = 'started', started_at = ?, worker = ?, lease_expires_at = ?
            WHERE seq IN (SELECT seq FROM jobs WHERE status = 'queued'\(contextFilter) ORDER BY seq LIMIT ?)
            RETURNING seq, id, submitted_by, spec, credentials
            """), arguments: arguments).sorted { ($0["seq"] as Int64) < ($1["seq"] as Int64) }
        // Rows are not Sendable: the columns are copied out here.
        return try rows.map { row in
            var claimed = ClaimedRow(id: row["id"], submittedBy: row["submitted_by"], specJSON: row["spec"], sealed: row["credentials"])
            // Each device's circuit is read in the claim's transaction, saving the worker a trip to the store.
            // A spec that does not decode must not undo the claim: `readable` ends that job failed, saying why.
            if let timeout = circuitTimeout, let spec = try? JobSpec(storedJSON: claimed.specJSON) {
                claimed.decoded = (spec, try circuitGate(device: spec.target.address, at: now, timeout: timeout, db))
            }
            return claimed
        }
    }
}
