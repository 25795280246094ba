import Foundation
import HTTPTypes
import NAASCore
import NAASStore

/// Matching a submission to a job that exists already (microversion 2.11):
/// an `Idempotency-Key` the same caller sent before, or an identical job of
/// the same caller still queued or running. Keys, requests and dedup keys
/// reach the store only as salted fingerprints: a body may hold a password.
struct JobReuse: Sendable {
    let store: any ServiceStore
    let settings: JobReuseSettings
    let clock: @Sendable () -> Date

    static let maxKeyLength = 255

    /// The key of `Idempotency-Key` (or NAAS's `X-Idempotency-Key`), if sent.
    static func idempotencyKey(_ headers: HTTPFields) throws(APIError) -> String? {
        let standard = headers[values: .idempotencyKey]
        let legacy = headers[values: .legacyIdempotencyKey]
        let values = standard + legacy
        guard let key = values.first else { return nil }
        guard values.allSatisfy({ $0 == key }) else {
            throw .badRequest("Idempotency-Key and X-Idempotency-Key differ; send one key, once")
        }
        guard !key.isEmpty, key.utf8.count <= maxKeyLength, key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .badRequest("Idempotency-Key must be 1 to \(maxKeyLength) visible ASCII characters (a UUID will do)")
        }
        return key
    }

    /// What a key stands for when it came before: the job, or a refusal.
    enum Claim: Sendable {
        /// The key is new: it now stands for the submission's job id.
        case reserved(Reservation)
        /// The same request with the same key came before: its job.
        case replay(JobRecord)
    }

    struct Reservation: Sendable {
        let owner: String
        let keyHash: String
        let jobID: String
    }

    /// Reserves `key` for the job `jobID` of `owner`, or finds what it already stands for.
    func claim(
        _ key: String, owner: String, operation: OperationID, body: JSONValue, jobID: String
    ) async throws -> Claim {
        let keyHash = store.fingerprint(of: ["idempotency-key", key])
        let requestHash = store.fingerprint(of: ["request", operation.rawValue, String(decoding: JSONWriter.bytes(body), as: UTF8.self)])
        let now = clock()
        let reservation = IdempotencyReservation(
            owner: owner, keyHash: keyHash, requestHash: requestHash, jobID: jobID, now: now,
            expiresAt: now.addingTimeInterval(settings.idempotencyLifetime))
        switch try await store.reserveIdempotencyKey(reservation) {
        case .reserved:
            return .reserved(Reservation(owner: owner, keyHash: keyHash, jobID: jobID))
        case .existing(_, sameRequest: false):
            throw APIError.validation(source: "header", [FieldError(
                ["Idempotency-Key"],
                "This Idempotency-Key came with a different request in the last \(Int(settings.idempotencyLifetime)) seconds; "
                    + "send a new key for a new request", type: "idempotency_key_reused")])
        case .existing(let jobID, sameRequest: true):
            // The first request holding the key has not queued its job yet (or was cut off doing so).
            guard let job = try await store.job(jobID) else {
                throw APIError.conflict("A request with this Idempotency-Key is still being processed; retry in a moment")
            }
            return .replay(job)
        }
    }

    /// Frees a key whose submission did not become a job, so a retry may use it.
    func release(_ reservation: Reservation) async {
        try? await store.releaseIdempotencyKey(owner: reservation.owner, keyHash: reservation.keyHash, jobID: reservation.jobID)
    }

    /// The dedup key of a job: the same caller, context, device, login and work give the same key.
    func dedupKey(owner: String, context: String, spec: JobSpec, credentials: Credentials) -> String {
        store.fingerprint(of: [
            "dedup", owner, context, credentials.username, credentials.password, credentials.enableSecret ?? "", spec.storedJSON,
        ])
    }

    /// Whether a submission body asks for deduplication (`deduplicate`, default true) and the server allows it.
    func deduplicates(_ body: JSONValue, _ errors: inout [FieldError]) -> Bool {
        guard case .object(let fields) = body else { return settings.deduplicates }
        switch fields["deduplicate"] {
        case nil, .null?: return settings.deduplicates
        case .bool(let flag)?: return flag && settings.deduplicates
        case let other?:
            errors.append(FieldError(["deduplicate"], "deduplicate must be a boolean, not \(other.typeName)", type: "type_error"))
            return false
        }
    }
}

extension HTTPField.Name {
    /// The IETF name of the idempotency header.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// The name NAAS reads.
    static let legacyIdempotencyKey = HTTPField.Name("X-Idempotency-Key")!
}
