import Foundation
import NAASCore
import PostgresNIO

/// Rows of the PostgreSQL store as the service's types; each decoder expects
/// the columns in the order its statement selects them.
enum PostgresRows {
    /// id, owner, context, spec, status, output, error, error_code, created_at, started_at, ended_at, tags::text
    static func record(_ row: PostgresRow) throws -> JobRecord {
        let (id, owner, context, specJSON, status, outputJSON, error, errorCode, createdAt, startedAt, endedAt, tags) = try row.decode(
            (String, String, String, String, String, String?, String?, String?, Double, Double?, Double?, String?).self)
        let spec = try JobSpec(storedJSON: specJSON)
        return JobRecord(
            id: id, owner: owner, context: context, spec: spec, status: JobStatus(rawValue: status) ?? .failed,
            output: try outputJSON.map { try JobOutputCoding.decode($0, kind: spec.kind) }, error: error,
            errorCode: errorCode.flatMap(DeviceErrorCode.init(rawValue:)),
            createdAt: Date(timeIntervalSince1970: createdAt), startedAt: startedAt.map(Date.init(timeIntervalSince1970:)),
            endedAt: endedAt.map(Date.init(timeIntervalSince1970:)), tags: JobTags.decode(tags))
    }

    /// id, context, status, created_at, ended_at, tags::text, error, error_code, spec
    static func summary(_ row: PostgresRow) throws -> JobSummary {
        let (id, context, status, createdAt, endedAt, tags, error, errorCode, spec) = try row.decode(
            (String, String, String, Double, Double?, String?, String?, String?, String).self)
        return JobSummary(
            id: id, context: context, status: JobStatus(rawValue: status) ?? .failed,
            createdAt: Date(timeIntervalSince1970: createdAt), endedAt: endedAt.map(Date.init(timeIntervalSince1970:)),
            tags: JobTags.decode(tags), error: error, errorCode: errorCode.flatMap(DeviceErrorCode.init(rawValue:)),
            target: JobTags.target(ofSpec: spec))
    }

    /// The columns `apiKeyColumns` names, in that order.
    static func apiKey(_ row: PostgresRow) throws -> APIKey {
        let (id, prefix, role, contexts, name, createdBy, createdAt, lifetime, expiresAt, revokedAt) = try row.decode(
            (String, String, String, String, String?, String, Double, Double?, Double?, Double?).self)
        return APIKey(
            id: id, prefix: prefix, role: Role(rawValue: role) ?? .viewer,
            contexts: ContextScope(names: contexts.split(separator: ",").map(String.init)), name: name, createdBy: createdBy,
            createdAt: Date(timeIntervalSince1970: createdAt), lifetime: lifetime,
            expiresAt: expiresAt.map(Date.init(timeIntervalSince1970:)), revokedAt: revokedAt.map(Date.init(timeIntervalSince1970:)))
    }

    static let apiKeyColumns = "id, prefix, role, contexts, name, created_by, created_at, lifetime, expires_at, revoked_at"
}
