import Foundation
import GRDB

extension SQLiteJobStore: IdempotencyStore {
    public func reserveIdempotencyKey(_ reservation: IdempotencyReservation) async throws -> IdempotencyOutcome {
        try await pool.write { db in
            // An expired use of the key is forgotten first, so the key starts over.
            try db.execute(sql: """
                DELETE FROM idempotency_keys WHERE owner = ? AND key_hash = ? AND expires_at <= ?
                """, arguments: [reservation.owner, reservation.keyHash, reservation.now.timeIntervalSince1970])
            try db.execute(sql: """
                INSERT INTO idempotency_keys (owner, key_hash, request_hash, job_id, expires_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [
                    reservation.owner, reservation.keyHash, reservation.requestHash, reservation.jobID,
                    reservation.expiresAt.timeIntervalSince1970,
                ])
            if db.changesCount > 0 { return .reserved }
            let row = try Row.fetchOne(db, sql: """
                SELECT job_id, request_hash FROM idempotency_keys WHERE owner = ? AND key_hash = ?
                """, arguments: [reservation.owner, reservation.keyHash])
            guard let row else { return .reserved }
            return .existing(jobID: row["job_id"], sameRequest: (row["request_hash"] as String) == reservation.requestHash)
        }
    }

    public func releaseIdempotencyKey(owner: String, keyHash: String, jobID: String) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                DELETE FROM idempotency_keys WHERE owner = ? AND key_hash = ? AND job_id = ?
                """, arguments: [owner, keyHash, jobID])
        }
    }
}
