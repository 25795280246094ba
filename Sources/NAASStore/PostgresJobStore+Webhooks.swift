import Foundation
import PostgresNIO

extension PostgresJobStore: WebhookStore {
    public func claimWebhookDelivery(now: Date, lease: TimeInterval) async throws -> WebhookDelivery? {
        let clock = now.timeIntervalSince1970
        // SKIP LOCKED: deliverers of several processes take different deliveries.
        guard let row = try await rows("""
            UPDATE webhook_deliveries SET next_attempt_at = \(clock + lease)
            WHERE job_id = (
                SELECT d.job_id FROM webhook_deliveries d JOIN jobs j ON j.id = d.job_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= \(clock) AND j.status IN \(unescaped: WebhookSQL.endedStatuses)
                ORDER BY d.next_attempt_at LIMIT 1
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING job_id, url, secret, microversion, attempts
            """).first else { return nil }
        let (jobID, url, sealed, microversion, attempts) = try row.decode((String, String, Data?, String, Int).self)
        return WebhookDelivery(
            jobID: jobID, url: url, secret: try sealed.map { try vault.openSecret($0, jobID: jobID) } ?? "",
            microversion: microversion, attempts: attempts)
    }

    public func recordWebhookAttempt(jobID: String, at date: Date, outcome: WebhookAttemptOutcome) async throws {
        let now = date.timeIntervalSince1970
        switch outcome {
        case .delivered:
            _ = try await rows("""
                UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = \(now),
                    delivered_at = \(now), last_error = NULL, secret = NULL
                WHERE job_id = \(jobID)
                """)
        case .failed(let error, let retryAt?):
            _ = try await rows("""
                UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = \(now), last_error = \(error),
                    next_attempt_at = \(retryAt.timeIntervalSince1970)
                WHERE job_id = \(jobID)
                """)
        case .failed(let error, nil):
            _ = try await rows("""
                UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1, last_attempt_at = \(now),
                    last_error = \(error), secret = NULL
                WHERE job_id = \(jobID)
                """)
        }
    }

    public func nextWebhookAttempt() async throws -> Date? {
        try await rows("""
            SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d JOIN jobs j ON j.id = d.job_id
            WHERE d.status = 'pending' AND j.status IN \(unescaped: WebhookSQL.endedStatuses)
            """).first.flatMap { try $0.decode(Double?.self) }.map(Date.init(timeIntervalSince1970:))
    }

    public func webhookState(of jobID: String) async throws -> WebhookState? {
        guard let row = try await rows("""
            SELECT url, status, attempts, last_error, last_attempt_at, delivered_at FROM webhook_deliveries WHERE job_id = \(jobID)
            """).first else { return nil }
        let (url, status, attempts, lastError, lastAttempt, delivered) = try row.decode(
            (String, String, Int, String?, Double?, Double?).self)
        return WebhookState(
            url: url, status: WebhookState.Status(rawValue: status) ?? .pending, attempts: attempts, lastError: lastError,
            lastAttemptAt: lastAttempt.map(Date.init(timeIntervalSince1970:)), deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
    }
}
