import Foundation
import NAASCore
import PostgresNIO

extension PostgresJobStore: KeyStore {
    public func insertKey(_ key: APIKey, tokenHash: String) async throws {
        _ = try await rows("""
            INSERT INTO api_keys (id, token_hash, prefix, role, contexts, name, created_by, created_at, lifetime, expires_at)
            VALUES (\(key.id), \(tokenHash), \(key.prefix), \(key.role.rawValue), \(key.contexts.names.joined(separator: ",")),
                \(key.name), \(key.createdBy), \(key.createdAt.timeIntervalSince1970), \(key.lifetime),
                \(key.expiresAt?.timeIntervalSince1970))
            """)
    }

    public func key(tokenHash: String) async throws -> APIKey? {
        try await rows("SELECT \(unescaped: PostgresRows.apiKeyColumns) FROM api_keys WHERE token_hash = \(tokenHash)")
            .first.map(PostgresRows.apiKey)
    }

    public func key(id: String) async throws -> APIKey? {
        try await rows("SELECT \(unescaped: PostgresRows.apiKeyColumns) FROM api_keys WHERE id = \(id)").first.map(PostgresRows.apiKey)
    }

    public func keys() async throws -> [APIKey] {
        try await rows("SELECT \(unescaped: PostgresRows.apiKeyColumns) FROM api_keys ORDER BY created_at DESC, id")
            .map(PostgresRows.apiKey)
    }

    public func revokeKey(id: String, at now: Date) async throws -> APIKey? {
        // A revoked key keeps the time it was first revoked.
        try await rows("""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, \(now.timeIntervalSince1970)) WHERE id = \(id)
            RETURNING \(unescaped: PostgresRows.apiKeyColumns)
            """).first.map(PostgresRows.apiKey)
    }

    public func replaceToken(id: String, tokenHash: String, prefix: String, expiresAt: Date?) async throws -> APIKey? {
        try await rows("""
            UPDATE api_keys SET token_hash = \(tokenHash), prefix = \(prefix), expires_at = \(expiresAt?.timeIntervalSince1970)
            WHERE id = \(id) AND revoked_at IS NULL
            RETURNING \(unescaped: PostgresRows.apiKeyColumns)
            """).first.map(PostgresRows.apiKey)
    }
}
