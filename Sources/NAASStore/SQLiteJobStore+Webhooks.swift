import Foundation
import GRDB

extension SQLiteJobStore: WebhookStore {
    public func claimWebhookDelivery(now: Date, lease: TimeInterval) async throws -> WebhookDelivery? {
        let clock = now.timeIntervalSince1970
        // Read into plain values inside the write: a GRDB row is not Sendable, and only a Sendable
        // result lets the write run off the cooperative pool.
        let claimed: (jobID: String, url: String, sealed: Data?, microversion: String, attempts: Int)? = try await pool.write { db in
            try Row.fetchOne(db, sql: """
                UPDATE webhook_deliveries SET next_attempt_at = ?
                WHERE job_id = (
                    SELECT d.job_id FROM webhook_deliveries d JOIN jobs j ON j.id = d.job_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND j.status IN \(WebhookSQL.endedStatuses)
                    ORDER BY d.next_attempt_at LIMIT 1)
                RETURNING job_id, url, secret, microversion, attempts
                """, arguments: [clock + lease, clock]).map { row in
                (row["job_id"], row["url"], row["secret"], row["microversion"], row["attempts"])
            }
        }
        guard let claimed else { return nil }
        return WebhookDelivery(
            jobID: claimed.jobID, url: claimed.url,
            secret: try claimed.sealed.map { try vault.openSecret($0, jobID: claimed.jobID) } ?? "",
            microversion: claimed.microversion, attempts: claimed.attempts)
    }

    public func recordWebhookAttempt(jobID: String, at date: Date, outcome: WebhookAttemptOutcome) async throws {
        let now = date.timeIntervalSince1970
        try await pool.write { db in
            switch outcome {
            case .delivered:
                try db.execute(sql: """
                    UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = ?,
                        delivered_at = ?, last_error = NULL, secret = NULL
                    WHERE job_id = ?
                    """, arguments: [now, now, jobID])
            case .failed(let error, let retryAt?):
                try db.execute(sql: """
                    UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, next_attempt_at = ?
                    WHERE job_id = ?
                    """, arguments: [now, error, retryAt.timeIntervalSince1970, jobID])
            case .failed(let error, nil):
                try db.execute(sql: """
                    UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1, last_attempt_at = ?, last_error = ?,
                        secret = NULL
                    WHERE job_id = ?
                    """, arguments: [now, error, jobID])
            }
        }
    }

    public func nextWebhookAttempt() async throws -> Date? {
        try await pool.read { db in
            try Double.fetchOne(db, sql: """
                SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d JOIN jobs j ON j.id = d.job_id
                WHERE d.status = 'pending' AND j.status IN \(WebhookSQL.endedStatuses)
                """).map(Date.init(timeIntervalSince1970:))
        }
    }

    public func webhookState(of jobID: String) async throws -> WebhookState? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT url, status, attempts, last_error, last_attempt_at, delivered_at FROM webhook_deliveries WHERE job_id = ?
                """, arguments: [jobID]).map { row in
                WebhookState(
                    url: row["url"], status: WebhookState.Status(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
                    lastError: row["last_error"], lastAttemptAt: (row["last_attempt_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    deliveredAt: (row["delivered_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }
}
