import Foundation
import HTTPTypes
import Hummingbird
import NAASCore
import NAASStore

/// Establishes who is calling: an API key (v2), the admin secret (v2), or
/// the device's own Basic login (v1 and v2). Every outcome is audited.
struct Authenticator: Sendable {
    let store: any ServiceStore
    /// `NAAS_ADMIN_SECRET`: Basic with it as the password acts as admin.
    let adminSecret: String?
    let audit: AuditLog
    let clock: @Sendable () -> Date

    func authenticate(_ request: Request, _ operation: OperationID, _ context: NAASRequestContext) async throws -> Principal {
        let v2 = context.surface == .v2
        if v2, let token = Self.apiToken(request.headers) {
            return try await keyPrincipal(token, operation, context)
        }
        guard let login = BasicCredentials(request.headers) else {
            audit.record(.authFailure, identity: "anonymous", requestID: context.requestID, [
                "operation": operation.rawValue, "reason": "no_credentials",
            ])
            throw v2 ? APIError.missingCredentials : APIError.unauthorized
        }
        if v2, let adminSecret, ConstantTime.equal(login.password, adminSecret) {
            return succeeded(Principal(.adminSecret(username: login.username), owner: "admin"), operation, context)
        }
        let subject = store.loginFingerprint(login.username)
        if let until = try await store.lockedUntil(.user, subject: subject, at: clock()) {
            audit.record(.authFailure, identity: "basic:\(login.username)", requestID: context.requestID, [
                "operation": operation.rawValue, "reason": "user_locked_out",
            ])
            throw APIError.lockedOut(
                "The login \(login.username) is locked out until \(until.formatted(.iso8601)) after repeated device authentication failures")
        }
        let owner = store.ownerFingerprint(username: login.username, password: login.password)
        return succeeded(Principal(.deviceLogin(login, loginSubject: subject), owner: owner), operation, context)
    }

    private func keyPrincipal(_ token: String, _ operation: OperationID, _ context: NAASRequestContext) async throws -> Principal {
        let hash = APIToken.hash(token)
        let key = try await store.key(tokenHash: hash)
        guard let key, key.status(at: clock()) == .active else {
            audit.record(.authFailure, identity: key.map { "key:\($0.id)" } ?? "anonymous", requestID: context.requestID, [
                "operation": operation.rawValue, "reason": key.map { "key_\($0.status(at: clock()).rawValue)" } ?? "unknown_key",
            ])
            throw APIError.invalidAPIKey
        }
        return succeeded(Principal(.apiKey(key), owner: "key:\(key.id)"), operation, context)
    }

    private func succeeded(_ principal: Principal, _ operation: OperationID, _ context: NAASRequestContext) -> Principal {
        audit.record(.authSuccess, identity: principal.identity, requestID: context.requestID, [
            "operation": operation.rawValue, "role": principal.role.rawValue,
        ])
        return principal
    }

    /// `Authorization: Bearer <token>`, else `X-API-Key: <token>`.
    static func apiToken(_ headers: HTTPFields) -> String? {
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1].trimmingOptionalWhitespace())
            }
        }
        if let key = headers[.apiKey].map({ String($0.trimmingOptionalWhitespace()) }), !key.isEmpty { return key }
        return nil
    }
}
