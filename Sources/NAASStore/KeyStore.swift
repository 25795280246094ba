import Foundation
import NAASCore

/// API keys, found by the SHA-256 of their token; tokens themselves are never stored.
public protocol KeyStore: Sendable {
    func insertKey(_ key: APIKey, tokenHash: String) async throws

    /// The key whose token hashes to `tokenHash`, whatever its status.
    func key(tokenHash: String) async throws -> APIKey?

    func key(id: String) async throws -> APIKey?

    /// Every key, newest first.
    func keys() async throws -> [APIKey]

    /// Marks a key revoked; nil when there is no such key. A revoked key stays revoked.
    func revokeKey(id: String, at now: Date) async throws -> APIKey?

    /// Gives a live key a new token (the old one stops working at once) and a
    /// new expiry; nil when there is no such key or it is revoked.
    func replaceToken(id: String, tokenHash: String, prefix: String, expiresAt: Date?) async throws -> APIKey?
}
