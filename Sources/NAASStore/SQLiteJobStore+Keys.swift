import Foundation
import GRDB
import NAASCore

extension SQLiteJobStore: KeyStore {
    public func insertKey(_ key: APIKey, tokenHash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO api_keys (id, token_hash, prefix, role, contexts, name, created_by, created_at, lifetime, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    key.id, tokenHash, key.prefix, key.role.rawValue, key.contexts.names.joined(separator: ","), key.name,
                    key.createdBy, key.createdAt.timeIntervalSince1970, key.lifetime, key.expiresAt?.timeIntervalSince1970,
                ])
        }
    }

    public func key(tokenHash: String) async throws -> APIKey? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_keys WHERE token_hash = ?"), arguments: [tokenHash]).map(Self.apiKey)
        }
    }

    public func key(id: String) async throws -> APIKey? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]).map(Self.apiKey)
        }
    }

    public func keys() async throws -> [APIKey] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY created_at DESC, id").map(Self.apiKey)
        }
    }

    public func revokeKey(id: String, at now: Date) async throws -> APIKey? {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [now.timeIntervalSince1970, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]).map(Self.apiKey)
        }
    }

    public func replaceToken(id: String, tokenHash: String, prefix: String, expiresAt: Date?) async throws -> APIKey? {
        try await pool.write { db in
            try Row.fetchOne(db, sql: """
                UPDATE api_keys SET token_hash = ?, prefix = ?, expires_at = ?
                WHERE id = ? AND revoked_at IS NULL
                RETURNING *
                """, arguments: [tokenHash, prefix, expiresAt?.timeIntervalSince1970, id]).map(Self.apiKey)
        }
    }

    private static func apiKey(_ row: Row) -> APIKey {
        let contexts = (row["contexts"] as String).split(separator: ",").map(String.init)
        return APIKey(
            id: row["id"], prefix: row["prefix"], role: Role(rawValue: row["role"]) ?? .viewer,
            contexts: ContextScope(names: contexts), name: row["name"], createdBy: row["created_by"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]), lifetime: row["lifetime"],
            expiresAt: (row["expires_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            revokedAt: (row["revoked_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
