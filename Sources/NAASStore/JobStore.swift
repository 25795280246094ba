import Foundation
import NAASCore

/// The durable queue and job history. SQLite backs it in one process,
/// PostgreSQL in a fleet of processes; both pass the same tests.
public protocol JobStore: Sendable {
    /// Commits a new queued job. Returns only once the job is durable.
    /// Throws `StoreError.duplicateJobID` when the id is taken, and
    /// `StoreError.duplicateOf` when the job has a dedup key that a queued or running job holds.
    func enqueue(_ job: NewJob) async throws

    /// Atomically moves the oldest queued jobs of `contexts` (any, when nil),
    /// up to `limit` of them, to `started` and hands them to one caller, never
    /// to two; in queue order, fewer only when the queue holds fewer. With a
    /// lease, the jobs are held for that worker until the lease lapses;
    /// without one, until they end (for a store that one process owns). A
    /// store may read each job's device circuit in the same transaction
    /// (`ClaimedJob.circuit`).
    func claim(upTo limit: Int, contexts: Set<String>?, lease: JobLease?) async throws -> [ClaimedJob]

    /// From now on lets `taker` claim jobs in the transaction that inserts new
    /// ones of its contexts (nil: no more). A store without such a path ignores
    /// it, and the worker claims after the queue's wake-up as always.
    func handInsertedJobs(to taker: JobTaker?)

    /// Extends to `until` the leases of those of `jobs` that are started and held by `worker`;
    /// returns their ids. Only the jobs a worker names are renewed: a claim whose answer was lost
    /// (the database went away as it committed) is held by no running job, and its lease lapses.
    @discardableResult
    func renewLeases(worker: String, jobs: [String], until: Date) async throws -> [String]

    /// Fails every started job whose lease lapsed by `now`, with the error
    /// `reason(worker)`, and erases its credentials; returns their ids. Such a
    /// job is never claimed again: it may have partly completed.
    func failExpiredLeases(now: Date, reason: @escaping @Sendable (_ worker: String) -> String) async throws -> [String]

    /// Records how a started job ended, erases its credentials, and counts the
    /// outcome against the device (and the Basic login) for the circuit
    /// breaker and lockouts. Returns the protections that changed state.
    @discardableResult
    func finish(_ id: String, outcome: JobOutcome) async throws -> [ProtectionEvent]

    /// Cancels a queued job.
    func cancel(_ id: String) async throws -> CancelResult

    func job(_ id: String) async throws -> JobRecord?

    /// One page of the jobs that pass `filter`, newest first.
    func jobs(_ filter: JobFilter, page: Int, perPage: Int) async throws -> JobPage

    func queueDepth() async throws -> Int

    /// Queues every job of a batch in one transaction, or none: any taken id fails them all
    /// (`StoreError.duplicateJobID`), as does a dedup key an active job holds (`StoreError.duplicateOf`).
    func enqueueBatch(_ jobs: [NewJob]) async throws

    /// The jobs of a batch in their batch order; empty for an unknown batch (or one whose jobs were purged).
    func batchJobs(_ batchID: String) async throws -> [JobRecord]

    /// Where a queued job stands in its context's queue: 1 runs next; 0 once it is no longer queued.
    func queuePosition(of id: String) async throws -> Int

    /// Queued jobs per context (contexts with none are absent).
    func queueDepths() async throws -> [String: Int]

    /// Ends every job left `started` by a process that died: a job that may
    /// have half-run (a config push) is never re-run silently. Every started
    /// job, leased or not: only for a store that one process owns. Processes
    /// sharing a store use leases and `failExpiredLeases` instead.
    func failInterruptedJobs(reason: String) async throws -> [String]

    /// Deletes jobs whose results outlived their retention.
    func purgeExpired(now: Date) async throws -> Int

    /// A stable, salted fingerprint of credentials: the owner of the jobs they submit.
    func ownerFingerprint(username: String, password: String) -> String

    /// A stable, salted fingerprint of a login name, so lockouts never store it.
    func loginFingerprint(_ username: String) -> String

    /// A stable, salted fingerprint of any strings (idempotency keys, requests, dedup keys),
    /// so what may hold a secret is never stored, nor guessable from the store alone.
    func fingerprint(of parts: [String]) -> String
}

extension JobStore {
    public func handInsertedJobs(to taker: JobTaker?) {}

    /// The oldest queued job of one of `contexts` (see `claim(upTo:contexts:lease:)`).
    public func claimNext(contexts: Set<String>?, lease: JobLease?) async throws -> ClaimedJob? {
        try await claim(upTo: 1, contexts: contexts, lease: lease).first
    }

    /// The oldest queued job of one of `contexts`, held until it ends (no lease).
    public func claimNext(contexts: Set<String>?) async throws -> ClaimedJob? {
        try await claimNext(contexts: contexts, lease: nil)
    }

    /// The oldest queued job of any context, held until it ends (no lease).
    public func claimNext() async throws -> ClaimedJob? {
        try await claimNext(contexts: nil, lease: nil)
    }

    /// Fails the started jobs whose lease lapsed by `now`, naming each one's lost worker.
    public func failExpiredLeases(now: Date) async throws -> [String] {
        try await failExpiredLeases(now: now, reason: JobLease.lostWorkerReason)
    }

    /// One page of an owner's jobs, newest first.
    public func jobs(owner: String, status: JobStatus?, page: Int, perPage: Int) async throws -> JobPage {
        try await jobs(JobFilter(owner: owner, status: status), page: page, perPage: perPage)
    }
}

/// Which jobs a listing includes.
public struct JobFilter: Sendable, Equatable {
    /// Only this owner's jobs; nil for everyone's.
    public var owner: String?
    /// Only jobs in these contexts.
    public var contexts: ContextScope
    public var status: JobStatus?
    /// Only jobs carrying every one of these tags.
    public var tags: [String: String]
    /// Only jobs that ended without success: `failed`, or `finished` with an error code (the device refused).
    public var unsuccessfulOnly: Bool

    public init(
        owner: String?, contexts: ContextScope = .all, status: JobStatus? = nil, tags: [String: String] = [:],
        unsuccessfulOnly: Bool = false
    ) {
        self.owner = owner
        self.contexts = contexts
        self.status = status
        self.tags = tags
        self.unsuccessfulOnly = unsuccessfulOnly
    }
}

/// A job as submitted, before it is stored.
public struct NewJob: Sendable {
    public let id: String
    public let owner: String
    public let context: String
    public let spec: JobSpec
    public let credentials: Credentials
    /// `loginFingerprint` of the Basic username that submitted it; nil for API keys.
    public let loginSubject: String?
    /// The submitter's audit identity, e.g. `key:k-…` or `basic:alice`.
    public let submittedBy: String?
    public let createdAt: Date
    /// The submitter's labels.
    public let tags: [String: String]
    /// Set to deduplicate: while a job with the same key is queued or running, this one is refused
    /// with `StoreError.duplicateOf` and that job's id.
    public let dedupKey: String?
    /// The batch the job belongs to, and its place there.
    public let batch: BatchSlot?
    /// A POST of the result when the job ends.
    public let webhook: WebhookRequest?

    public init(
        id: String, owner: String, context: String = ContextName.defaultName, spec: JobSpec,
        credentials: Credentials, loginSubject: String? = nil, submittedBy: String? = nil, createdAt: Date = Date(),
        tags: [String: String] = [:], dedupKey: String? = nil, batch: BatchSlot? = nil, webhook: WebhookRequest? = nil
    ) {
        self.batch = batch
        self.webhook = webhook
        self.tags = tags
        self.dedupKey = dedupKey
        self.id = id
        self.owner = owner
        self.context = context
        self.spec = spec
        self.credentials = credentials
        self.loginSubject = loginSubject
        self.submittedBy = submittedBy
        self.createdAt = createdAt
    }
}

/// A job a worker has claimed, with its credentials decrypted.
public struct ClaimedJob: Sendable {
    public let id: String
    /// Who submitted it, as the audit log names callers.
    public let submittedBy: String?
    public let spec: JobSpec
    public let credentials: Credentials
    /// The device's circuit breaker as the claim's own transaction found it;
    /// nil when the store leaves that to `circuitGate(device:at:)`.
    public let circuit: CircuitGate?
}

/// The answer to a cancel request.
public enum CancelResult: Sendable, Equatable {
    case canceled
    case notFound
    /// The job is no longer queued.
    case notCancelable(JobStatus)
}

/// A page of jobs and the size of the whole list.
public struct JobPage: Sendable, Equatable {
    public let jobs: [JobSummary]
    public let total: Int
}

/// How long results are kept once a job ends.
public struct RetentionPolicy: Sendable, Equatable {
    public var succeeded: TimeInterval
    public var failed: TimeInterval

    public init(succeeded: TimeInterval = 86_400, failed: TimeInterval = 604_800) {
        self.succeeded = succeeded
        self.failed = failed
    }
}
