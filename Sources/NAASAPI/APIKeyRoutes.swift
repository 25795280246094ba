import Foundation
import HTTPTypes
import Hummingbird
import NAASCore
import NAASStore

/// API-key management: create, list, revoke, rotate (admin only).
struct APIKeyRoutes: Sendable {
    let issuer: APIKeyIssuer
    let settings: SecuritySettings
    let clock: @Sendable () -> Date

    @Sendable func create(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        var request = request
        let principal = try context.caller()
        let body = try await request.jsonBody(limit: context.maxUploadSize)
        let order = try KeyOrder.parse(body, settings: settings).get()
        try requireWithinReach(order.contexts, .createAPIKey, principal, context)
        let (key, token) = try await issuer.create(order, by: principal.identity, requestID: context.requestID)
        return .json(Self.view(key, token: token), status: .created, headers: [.location: "/v2/api-keys/\(key.id)"])
    }

    @Sendable func list(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let principal = try context.caller()
        let now = clock()
        // A context-limited admin sees only the keys it could have issued itself.
        let keys = try await issuer.store.keys().filter { principal.contexts.covers($0.contexts) }
        return .json(["api_keys": .array(keys.map { Self.view($0, status: $0.status(at: now)) })])
    }

    @Sendable func revoke(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let principal = try context.caller()
        let key = try await manageableKey(.revokeAPIKey, principal, context)
        guard try await issuer.revoke(key.id, by: principal.identity, requestID: context.requestID) != nil else {
            throw APIError.resourceNotFound("No API key \(key.id)")
        }
        return .raw(Response(status: .noContent))
    }

    @Sendable func rotate(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let principal = try context.caller()
        let existing = try await manageableKey(.rotateAPIKey, principal, context)
        guard let (key, token) = try await issuer.rotate(existing, by: principal.identity, requestID: context.requestID) else {
            throw APIError.resourceNotFound("No active API key \(existing.id)")
        }
        return .json(Self.view(key, token: token))
    }

    /// The key the path names, once the caller may manage it.
    private func manageableKey(
        _ operation: OperationID, _ principal: Principal, _ context: NAASRequestContext
    ) async throws -> APIKey {
        let id = try context.parameters.keyID()
        guard let key = try await issuer.store.key(id: id) else {
            throw APIError.resourceNotFound("No API key \(id)")
        }
        try requireWithinReach(key.contexts, operation, principal, context, keyID: id)
        return key
    }

    /// 403 unless every context of `scope` is the caller's: a context-limited
    /// admin issues and manages only keys within its contexts, or rotating a
    /// wider key would hand it that key's reach.
    private func requireWithinReach(
        _ scope: ContextScope, _ operation: OperationID, _ principal: Principal, _ context: NAASRequestContext,
        keyID: String? = nil
    ) throws {
        guard !principal.contexts.covers(scope) else { return }
        let outside = scope.names.filter { !principal.contexts.allows($0) }.joined(separator: ", ")
        var details = ["operation": operation.rawValue, "context": outside]
        if let keyID { details["key_id"] = keyID }
        issuer.audit.record(.contextDenied, identity: principal.identity, requestID: context.requestID, details)
        throw APIError.contextDenied(outside)
    }

    /// The wire shape of a key: with its token right after creation or rotation, with its status in lists.
    static func view(_ key: APIKey, token: String? = nil, status: APIKey.Status? = nil) -> JSONValue {
        var fields: [String: JSONValue] = [
            "key_id": .string(key.id),
            "prefix": .string(key.prefix),
            "role": .string(key.role.rawValue),
            "contexts": .array(key.contexts.names.map(JSONValue.string)),
            "name": JSONValue(key.name),
            "created_by": .string(key.createdBy),
            "created_at": JSONValue(key.createdAt),
            "expires_at": JSONValue(key.expiresAt),
        ]
        if let token { fields["token"] = .string(token) }
        if let status {
            fields["status"] = .string(status.rawValue)
            fields["revoked_at"] = JSONValue(key.revokedAt)
        }
        return .object(fields)
    }
}

extension Parameters {
    /// A key id path parameter: 400 unless it looks like one.
    func keyID() throws(APIError) -> String {
        guard let raw = get("key_id"), APIToken.isKeyID(raw) else {
            throw .badRequest("The key id must look like k- followed by 12 hex digits, as key_id in the creation response")
        }
        return raw
    }
}
