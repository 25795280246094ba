import Foundation

/// An `Idempotency-Key` a caller sent with a submission, as the store keeps
/// it: hashed, scoped to the caller, with a hash of what was asked, for a time.
public struct IdempotencyReservation: Sendable, Equatable {
    /// The caller (a job owner fingerprint): another caller's same key is another key.
    public let owner: String
    public let keyHash: String
    /// A hash of the operation and the body: the same key must come with the same request.
    public let requestHash: String
    /// The job the key will stand for.
    public let jobID: String
    public let now: Date
    public let expiresAt: Date

    public init(owner: String, keyHash: String, requestHash: String, jobID: String, now: Date, expiresAt: Date) {
        self.owner = owner
        self.keyHash = keyHash
        self.requestHash = requestHash
        self.jobID = jobID
        self.now = now
        self.expiresAt = expiresAt
    }
}

/// What a reservation found.
public enum IdempotencyOutcome: Sendable, Equatable {
    /// The key is new (or its last use expired): it now stands for the reservation's job.
    case reserved
    /// The key stands for `jobID` already; `sameRequest` tells whether it came with the same request.
    case existing(jobID: String, sameRequest: Bool)
}

/// Idempotency keys of submissions, kept for a day so a retried request returns its original job.
public protocol IdempotencyStore: Sendable {
    func reserveIdempotencyKey(_ reservation: IdempotencyReservation) async throws -> IdempotencyOutcome
    /// Forgets a reservation whose submission was refused, so the client may retry with the same key.
    func releaseIdempotencyKey(owner: String, keyHash: String, jobID: String) async throws
}
