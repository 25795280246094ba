import Foundation
import HTTPTypes
import Logging
import NAASCore
import NAASStore

/// Admits a job into the queue: the checks every submission and replay
/// passes (context, lockout, rate limit, a live worker, room in the queue), then the enqueue.
struct JobIntake: Sendable {
    let store: any ServiceStore
    let workers: WorkerAvailability
    let rateLimiter: RateLimiter
    let settings: SecuritySettings
    let audit: AuditLog
    let logger: Logger
    let clock: @Sendable () -> Date

    struct Admission {
        let id: String
        let spec: JobSpec
        let context: String
        let credentials: Credentials
        /// When it was accepted: its `enqueued_at`.
        let createdAt: Date
        /// The job this one replays, if it is a replay.
        var replayOf: String? = nil
        /// The submitter's labels.
        var tags: [String: String] = [:]
        /// Set when an identical active job of the caller should be reused instead (2.11).
        var dedupKey: String? = nil
        /// Where to post the result when the job ends (2.13).
        var webhook: WebhookRequest? = nil
    }

    /// Queues the job; returns the caller's standing against the per-device rate limit.
    /// `StoreError.duplicateOf` when the admission has a dedup key an active job holds.
    func admit(_ job: Admission, by principal: Principal, _ context: NAASRequestContext) async throws -> RateLimitStatus? {
        try await vet(job, by: principal, context)
        let device = job.spec.target.address
        let deviceLimit = try await rateLimiter.checkDevice(principal, device: device)
        try await requireRoom(adding: [job.context: 1])
        let newJob = NewJob(
            id: job.id, owner: principal.owner, context: job.context, spec: job.spec, credentials: job.credentials,
            loginSubject: principal.loginSubject, submittedBy: principal.identity, createdAt: job.createdAt, tags: job.tags,
            dedupKey: job.dedupKey, webhook: job.webhook)
        do {
            try await store.enqueue(newJob)
        } catch StoreError.duplicateJobID {
            throw APIError.badRequest("A job with X-Request-ID \(job.id) exists already; send a new UUID or none")
        }
        var details = ["job_id": job.id, "context": job.context, "device": device, "kind": job.spec.kind.rawValue]
        if let original = job.replayOf { details["replay_of"] = original }
        audit.record(.jobSubmitted, identity: principal.identity, requestID: context.requestID, details)
        // The audit line above is the record; this one only adds the host and platform for debugging.
        logger.debug("job enqueued", metadata: [
            "request_id": "\(job.id)", "kind": "\(job.spec.kind.rawValue)",
            "host": "\(job.spec.target.host)", "platform": "\(job.spec.target.platform)", "context": "\(job.context)",
        ])
        return deviceLimit
    }

    /// The checks of one job before any counting: its context exists and is the caller's, its device is not locked out.
    func vet(_ job: Admission, by principal: Principal, _ context: NAASRequestContext) async throws {
        guard settings.contexts.contains(job.context) else {
            throw APIError.unknownContext(job.context, known: settings.contexts)
        }
        try authorize(principal, context: job.context, context)
        let device = job.spec.target.address
        if let until = try await store.lockedUntil(.device, subject: device, at: clock()) {
            throw APIError.lockedOut(
                "Device \(device) is locked out until \(until.formatted(.iso8601)) after repeated failed jobs; try again later")
        }
    }

    /// 503 unless each context has a live worker and room in its queue for `jobs` more.
    func requireRoom(adding jobs: [String: Int]) async throws {
        for jobContext in jobs.keys.sorted() {
            guard try await workers.workers(serving: jobContext) > 0 else {
                throw APIError.noWorker(context: jobContext)
            }
        }
        guard settings.maxQueueDepth > 0 else { return }
        let depths = try await store.queueDepths()
        for (jobContext, count) in jobs.sorted(by: { $0.key < $1.key })
        where depths[jobContext, default: 0] + count > settings.maxQueueDepth {
            throw APIError.queueFull(context: jobContext, limit: settings.maxQueueDepth)
        }
    }

    /// 403 unless the caller may use `jobContext`.
    func authorize(_ principal: Principal, context jobContext: String, _ context: NAASRequestContext) throws {
        guard principal.contexts.allows(jobContext) else {
            audit.record(.contextDenied, identity: principal.identity, requestID: context.requestID, ["context": jobContext])
            throw APIError.contextDenied(jobContext)
        }
    }
}
