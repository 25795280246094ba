import Foundation
import Hummingbird
import NAASCore
import NAASStore

/// Batches: one request queues a job per device, and one read shows how they all stand.
struct BatchRoutes: Sendable {
    let store: any ServiceStore
    let intake: JobIntake
    let settings: BatchSettings
    let webhooks: WebhookFields

    func submit(_ kind: JobKind) -> OperationHandler {
        { request, context in
            var request = request
            let principal = try context.caller()
            let body = try await request.jsonBody(limit: context.maxUploadSize)
            let operation: OperationID = kind == .config ? .submitConfigBatch : .submitCommandBatch
            let microversion = context.microversion ?? APIContract.batchesSince
            let batch = try BatchRequest.parse(
                body, kind: kind, operation: operation, microversion: microversion, principal: principal, settings: settings)
            var webhookErrors: [FieldError] = []
            let webhook = microversion >= APIContract.webhooksSince
                ? await webhooks.submitted(body, microversion: microversion, &webhookErrors) : nil
            if !webhookErrors.isEmpty { throw APIError.validation(source: "json", webhookErrors) }
            let createdAt = intake.clock()
            let admissions = try batch.members.map { member in
                JobIntake.Admission(
                    id: RandomUUID.string(), spec: member.spec,
                    context: member.context ?? intake.settings.defaultContext,
                    credentials: try principal.jobCredentials(bodyLogin: member.login, enable: member.enableSecret),
                    createdAt: createdAt, tags: batch.tags, webhook: webhook)
            }
            let limit = try await intake.admitBatch(admissions, batchID: context.requestID, by: principal, context)
            let accepted = BatchView.accepted(
                context.requestID, jobs: admissions.map { ($0.id, $0.context, $0.spec) }, at: createdAt)
            return .json(accepted, status: .accepted, headers: RateLimitStatus.tighter(context.rateLimit, limit)?.headers ?? [:])
        }
    }

    /// A batch's aggregate status, counts and jobs; with `?include=results`, each job's results.
    @Sendable func read(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let principal = try context.caller()
        let batchID = try context.parameters.batchID()
        let includeResults = try Self.includesResults(request.uri.queryParameters)
        let jobs = try await store.batchJobs(batchID)
        // An unknown batch and someone else's get the same 403, as jobs do.
        guard !jobs.isEmpty, principal.seesEveryJob || jobs.allSatisfy({ $0.owner == principal.owner }) else {
            throw APIError.forbidden("Forbidden: these credentials own no batch with that id")
        }
        for jobContext in Set(jobs.map(\.context)).sorted() {
            try intake.authorize(principal, context: jobContext, context)
        }
        return .json(BatchView.batch(batchID, jobs: jobs, includeResults: includeResults))
    }

    private static func includesResults(_ query: Hummingbird.Parameters) throws(APIError) -> Bool {
        let values = query.getAll("include")
        guard values.allSatisfy({ $0 == "results" }) else {
            throw .validation(source: "query", [FieldError(["include"], "include takes one value, results; leave it out for none")])
        }
        return !values.isEmpty
    }
}
