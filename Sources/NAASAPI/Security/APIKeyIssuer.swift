import Foundation
import NAASCore
import NAASStore

/// Creates, revokes and rotates API keys, for the HTTP API and the
/// `naas keys` command alike, and audits each act.
public struct APIKeyIssuer: Sendable {
    let store: any KeyStore
    let audit: AuditLog
    let clock: @Sendable () -> Date

    public init(store: any KeyStore, audit: AuditLog = AuditLog(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = audit
        self.clock = clock
    }

    /// Every key, newest first.
    public func keys() async throws -> [APIKey] {
        try await store.keys()
    }

    /// A key as the API shows it, as JSON text: with its token after creation, with its status in lists.
    public func json(_ key: APIKey, token: String? = nil) -> String {
        let view = APIKeyRoutes.view(key, token: token, status: token == nil ? key.status(at: clock()) : nil)
        return String(decoding: JSONWriter.bytes(view), as: UTF8.self)
    }

    /// A new key and its token, which is never stored or shown again.
    public func create(_ order: KeyOrder, by creator: String, requestID: String?) async throws -> (APIKey, String) {
        let (id, token) = APIToken.generate()
        let now = clock()
        let key = APIKey(
            id: id, prefix: String(token.prefix(APIToken.shownPrefixLength)), role: order.role, contexts: order.contexts,
            name: order.name, createdBy: creator, createdAt: now, lifetime: order.lifetime,
            expiresAt: order.lifetime.map { now.addingTimeInterval($0) })
        try await store.insertKey(key, tokenHash: APIToken.hash(token))
        audit.record(.keyCreated, identity: creator, requestID: requestID, [
            "key_id": id, "role": order.role.rawValue, "context": order.contexts.names.joined(separator: ","),
        ])
        return (key, token)
    }

    public func revoke(_ id: String, by actor: String, requestID: String?) async throws -> APIKey? {
        guard let key = try await store.revokeKey(id: id, at: clock()) else { return nil }
        audit.record(.keyRevoked, identity: actor, requestID: requestID, ["key_id": id])
        return key
    }

    /// The key with a new token; the old token stops working at once.
    /// nil when the key is revoked (the store re-checks, so a revocation racing this one wins).
    public func rotate(_ existing: APIKey, by actor: String, requestID: String?) async throws -> (APIKey, String)? {
        guard existing.revokedAt == nil else { return nil }
        let (_, token) = APIToken.generate()
        let expiresAt = existing.lifetime.map { clock().addingTimeInterval($0) }
        guard let key = try await store.replaceToken(
            id: existing.id, tokenHash: APIToken.hash(token), prefix: String(token.prefix(APIToken.shownPrefixLength)),
            expiresAt: expiresAt)
        else { return nil }
        audit.record(.keyRotated, identity: actor, requestID: requestID, ["key_id": existing.id])
        return (key, token)
    }
}

/// What a new key should be: parsed and checked from a request body or the command line.
public struct KeyOrder: Sendable {
    public let role: Role
    public let contexts: ContextScope
    /// nil: never expires.
    public let lifetime: TimeInterval?
    public let name: String?

    public init(role: Role, contexts: ContextScope, lifetime: TimeInterval?, name: String?) {
        self.role = role
        self.contexts = contexts
        self.lifetime = lifetime
        self.name = name
    }
}
