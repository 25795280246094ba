import Foundation
import PostgresNIO

extension PostgresJobStore: IdempotencyStore {
    public func reserveIdempotencyKey(_ reservation: IdempotencyReservation) async throws -> IdempotencyOutcome {
        let (owner, key, now) = (reservation.owner, reservation.keyHash, reservation.now.timeIntervalSince1970)
        return try await transaction { [logger] connection in
            // An expired use of the key is forgotten first, so the key starts over.
            try await connection.query("""
                DELETE FROM idempotency_keys WHERE owner = \(owner) AND key_hash = \(key) AND expires_at <= \(now)
                """, logger: logger)
            let inserted = try await connection.rows("""
                INSERT INTO idempotency_keys (owner, key_hash, request_hash, job_id, expires_at)
                VALUES (\(owner), \(key), \(reservation.requestHash), \(reservation.jobID),
                    \(reservation.expiresAt.timeIntervalSince1970))
                ON CONFLICT DO NOTHING
                RETURNING job_id
                """, logger: logger)
            if !inserted.isEmpty { return .reserved }
            guard let row = try await connection.rows("""
                SELECT job_id, request_hash FROM idempotency_keys WHERE owner = \(owner) AND key_hash = \(key)
                """, logger: logger).first else { return .reserved }
            let (jobID, requestHash) = try row.decode((String, String).self)
            return .existing(jobID: jobID, sameRequest: requestHash == reservation.requestHash)
        }
    }

    public func releaseIdempotencyKey(owner: String, keyHash: String, jobID: String) async throws {
        _ = try await rows("""
            DELETE FROM idempotency_keys WHERE owner = \(owner) AND key_hash = \(keyHash) AND job_id = \(jobID)
            """)
    }
}
