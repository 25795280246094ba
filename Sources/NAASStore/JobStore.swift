import Foundation
import NAASCore

/// The durable queue and job history. SQLite backs it in one process;
/// other engines implement the same protocol and pass the same tests.
public protocol JobStore: Sendable {
    /// Commits a new queued job. Returns only once the job is durable.
    /// Throws `StoreError.duplicateJobID` when the id is taken.
    func enqueue(_ job: NewJob) async throws

    /// Atomically moves the oldest queued job to `started` and hands it to one caller.
    func claimNext() async throws -> ClaimedJob?

    /// Records how a started job ended and erases its credentials.
    func finish(_ id: String, outcome: JobOutcome) async throws

    /// Cancels a queued job.
    func cancel(_ id: String) async throws -> CancelResult

    func job(_ id: String) async throws -> JobRecord?

    /// One page of an owner's jobs, newest first.
    func jobs(owner: String, status: JobStatus?, page: Int, perPage: Int) async throws -> JobPage

    func queueDepth() async throws -> Int

    /// Ends every job left `started` by a process that died: a job that may
    /// have half-run (a config push) is never re-run silently.
    func failInterruptedJobs(reason: String) async throws -> [String]

    /// Deletes jobs whose results outlived their retention.
    func purgeExpired(now: Date) async throws -> Int

    /// A stable, salted fingerprint of credentials: the owner of the jobs they submit.
    func ownerFingerprint(username: String, password: String) -> String
}

/// A job as submitted, before it is stored.
public struct NewJob: Sendable {
    public let id: String
    public let owner: String
    public let spec: JobSpec
    public let credentials: Credentials
    public let createdAt: Date

    public init(id: String, owner: String, spec: JobSpec, credentials: Credentials, createdAt: Date = Date()) {
        self.id = id
        self.owner = owner
        self.spec = spec
        self.credentials = credentials
        self.createdAt = createdAt
    }
}

/// A job a worker has claimed, with its credentials decrypted.
public struct ClaimedJob: Sendable {
    public let id: String
    public let spec: JobSpec
    public let credentials: Credentials
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
    public let jobs: [JobRecord]
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
