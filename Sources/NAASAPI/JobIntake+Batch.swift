import Foundation
import NAASStore

extension JobIntake {
    /// Queues one job per device of a batch, all or none: every job passes the
    /// checks of a single submission, the rate limits count them all at once,
    /// then the store queues them in one transaction.
    func admitBatch(
        _ jobs: [Admission], batchID: String, by principal: Principal, _ context: NAASRequestContext
    ) async throws -> RateLimitStatus? {
        guard try await store.batchJobs(batchID).isEmpty else {
            throw APIError.badRequest("A batch with X-Request-ID \(batchID) exists already; send a new UUID or none")
        }
        for job in jobs { try await vet(job, by: principal, context) }
        let limit = try await rateLimiter.checkBatch(principal, devices: jobs.map(\.spec.target.address))
        try await requireRoom(adding: jobs.reduce(into: [:]) { counts, job in counts[job.context, default: 0] += 1 })
        let newJobs = jobs.enumerated().map { index, job in
            NewJob(
                id: job.id, owner: principal.owner, context: job.context, spec: job.spec, credentials: job.credentials,
                loginSubject: principal.loginSubject, submittedBy: principal.identity, createdAt: job.createdAt, tags: job.tags,
                batch: BatchSlot(id: batchID, index: index), webhook: job.webhook)
        }
        try await store.enqueueBatch(newJobs)
        for job in jobs {
            audit.record(.jobSubmitted, identity: principal.identity, requestID: context.requestID, [
                "job_id": job.id, "batch_id": batchID, "context": job.context, "device": job.spec.target.address,
                "kind": job.spec.kind.rawValue,
            ])
        }
        logger.info("batch enqueued", metadata: [
            "request_id": "\(batchID)", "jobs": "\(jobs.count)", "kind": "\(jobs.first?.spec.kind.rawValue ?? "")",
        ])
        return limit
    }
}
