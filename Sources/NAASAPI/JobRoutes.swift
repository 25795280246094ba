import Foundation
import Hummingbird
import Logging
import NAASCore
import NAASStore

/// The job operations: submit, read a result, list, cancel — one
/// implementation for every contract surface.
struct JobRoutes: Sendable {
    let store: any JobStore
    let signal: QueueSignal
    let logger: Logger

    func submit(_ kind: JobKind) -> OperationHandler {
        { request, context in
            var request = request
            let major = context.surface.major ?? .v2
            let caller = try request.basicCredentials()
            let body = try await request.jsonBody(limit: context.maxUploadSize)
            let parsed = try JobRequestParser(kind: kind, major: major).parse(body).get()
            let owner = store.ownerFingerprint(username: caller.username, password: caller.password)
            let job = NewJob(
                id: context.requestID, owner: owner, spec: parsed.spec,
                credentials: caller.deviceCredentials(enableSecret: parsed.enableSecret))
            do {
                try await store.enqueue(job)
            } catch StoreError.duplicateJobID {
                throw APIError.badRequest("A job with X-Request-ID \(job.id) exists already; send a new UUID or none")
            }
            signal.notify()
            logger.info("job enqueued", metadata: [
                "request_id": "\(job.id)", "kind": "\(kind.rawValue)",
                "host": "\(parsed.spec.target.host)", "platform": "\(parsed.spec.target.platform)",
            ])
            var headers: HTTPFields = [:]
            if parsed.deprecatedFields.contains("device_type") {
                headers[.warning] = DeprecationHeaders.fieldWarning("device_type", replacement: "platform")
            }
            return .json(JobView.accepted(job.id, major: major), status: .accepted, headers: headers)
        }
    }

    @Sendable func result(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let job = try await ownedJob(request, context)
        return .json(JobView.result(job, major: context.surface.major ?? .v2))
    }

    @Sendable func list(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let caller = try request.basicCredentials()
        let query = try ListQuery(request.uri.queryParameters)
        let owner = store.ownerFingerprint(username: caller.username, password: caller.password)
        let page = try await store.jobs(owner: owner, status: query.status, page: query.page, perPage: query.perPage)
        let pages = page.total == 0 ? 0 : (page.total + query.perPage - 1) / query.perPage
        return .json([
            "jobs": .array(page.jobs.map(JobView.summary)),
            "pagination": ["page": .int(query.page), "per_page": .int(query.perPage), "total": .int(page.total), "pages": .int(pages)],
        ])
    }

    @Sendable func cancel(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let job = try await ownedJob(request, context)
        switch try await store.cancel(job.id) {
        case .canceled:
            logger.info("job canceled", metadata: ["request_id": "\(job.id)"])
            return .json(["job_id": .string(job.id), "status": "canceled", "message": "Job canceled"])
        case .notFound:
            throw APIError.forbidden("Forbidden: these credentials own no job with that id")
        case .notCancelable(let status):
            throw APIError.conflict("Job \(job.id) is \(status.rawValue); only queued jobs can be canceled")
        }
    }

    /// The job named in the path, if the caller owns it. An unknown id and
    /// someone else's id get the same 403, so ids cannot be probed.
    private func ownedJob(_ request: Request, _ context: NAASRequestContext) async throws -> JobRecord {
        let caller = try request.basicCredentials()
        let id = try context.parameters.jobID()
        let owner = store.ownerFingerprint(username: caller.username, password: caller.password)
        guard let job = try await store.job(id), job.owner == owner else {
            throw APIError.forbidden("Forbidden: these credentials own no job with that id")
        }
        return job
    }
}
