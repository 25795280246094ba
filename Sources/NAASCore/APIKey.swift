import Foundation

/// An API key as the store keeps it: everything but the token, which exists
/// only in the response that created or rotated it.
public struct APIKey: Sendable, Equatable {
    /// `k-` and 12 hex digits; public, used in paths and logs.
    public let id: String
    /// The token's first characters, so an operator can tell keys apart.
    public var prefix: String
    public let role: Role
    public let contexts: ContextScope
    public let name: String?
    /// Who created it (an audit identity).
    public let createdBy: String
    public let createdAt: Date
    /// How long each token lives; nil never expires. Rotation restarts it.
    public let lifetime: TimeInterval?
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(
        id: String, prefix: String, role: Role, contexts: ContextScope, name: String?, createdBy: String,
        createdAt: Date, lifetime: TimeInterval?, expiresAt: Date?, revokedAt: Date? = nil
    ) {
        self.id = id
        self.prefix = prefix
        self.role = role
        self.contexts = contexts
        self.name = name
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lifetime = lifetime
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    public enum Status: String, Sendable {
        case active, expired, revoked
    }

    public func status(at now: Date) -> Status {
        if revokedAt != nil { return .revoked }
        if let expiresAt, expiresAt <= now { return .expired }
        return .active
    }
}
