import Foundation
import Hummingbird
import Logging
import NAASCore
import NAASStore

/// The job operations: submit, read a result, list, cancel, replay — one
/// implementation for every contract surface.
struct JobRoutes: Sendable {
    let store: any ServiceStore
    let intake: JobIntake
    let audit: AuditLog
    let logger: Logger
    /// ntc-templates, which structured jobs without their own template need.
    let templates: TemplateCatalogue
    let watcher: JobWatcher
    let reuse: JobReuse
    let webhooks: WebhookFields

    func submit(_ kind: JobKind) -> OperationHandler {
        { request, context in
            var request = request
            let major = context.surface.major ?? .v2
            let principal = try context.caller()
            let body = try await request.jsonBody(limit: context.maxUploadSize)
            let operation = Self.submission(of: kind)
            let access = major == .v2
                ? AccessFields(body, operation: operation, microversion: context.microversion, principal: principal) : nil
            let parsed: JobRequestParser.Parsed
            // What older microversions and v1 promised: a save or commit the platform lacks is ignored there.
            let refusesSteps = major == .v2 && (context.microversion ?? APIContract.v2Minimum) >= APIContract.stepRefusalSince
            switch JobRequestParser(kind: kind, major: major, refusesUnsupportedSteps: refusesSteps).parse(body) {
            case .success(let result):
                if let errors = access?.errors, !errors.isEmpty { throw APIError.validation(source: "json", errors) }
                parsed = result
            case .failure(.validation(let source, let errors)):
                throw APIError.validation(source: source, errors + (access?.errors ?? []))
            case .failure(let error):
                throw error
            }
            var fieldErrors: [FieldError] = []
            let tags = major == .v2 ? JobTagFields.submitted(body, &fieldErrors) : [:]
            let microversion = context.microversion ?? APIContract.v2Minimum
            let reusable = major == .v2 && microversion >= APIContract.jobReuseSince
            let webhook = major == .v2 && microversion >= APIContract.webhooksSince
                ? await webhooks.submitted(body, microversion: microversion, &fieldErrors) : nil
            // The job found might post to another receiver, or to none: a submission with a webhook gets its own.
            let deduplicates = reusable && reuse.deduplicates(body, &fieldErrors) && webhook == nil
            if !fieldErrors.isEmpty { throw APIError.validation(source: "json", fieldErrors) }
            try requireTemplates(for: parsed.spec)
            let credentials = try principal.jobCredentials(bodyLogin: access?.bodyLogin, enable: parsed.enableSecret)
            var admission = JobIntake.Admission(
                id: context.requestID, spec: parsed.spec, context: access?.context ?? intake.settings.defaultContext,
                credentials: credentials, createdAt: intake.clock(), tags: tags, webhook: webhook)
            var reservation: JobReuse.Reservation?
            if reusable, let key = try JobReuse.idempotencyKey(request.headers) {
                switch try await reuse.claim(key, owner: principal.owner, operation: operation, body: body, jobID: admission.id) {
                case .replay(let job):
                    try intake.authorize(principal, context: job.context, context)
                    return try await acceptedExisting(job, .idempotent)
                case .reserved(let claimed):
                    reservation = claimed
                }
            }
            if deduplicates {
                admission.dedupKey = reuse.dedupKey(
                    owner: principal.owner, context: admission.context, spec: parsed.spec, credentials: credentials)
            }
            let deviceLimit: RateLimitStatus?
            do {
                deviceLimit = try await intake.admit(admission, by: principal, context)
            } catch {
                if let reservation { await reuse.release(reservation) }
                guard case StoreError.duplicateOf(let existingID) = error else { throw error }
                guard let existing = try await store.job(existingID) else {
                    throw APIError.conflict("An identical job ended just now; send the request again")
                }
                return try await acceptedExisting(existing, .deduplicated)
            }
            var headers = RateLimitStatus.tighter(context.rateLimit, deviceLimit)?.headers ?? [:]
            if parsed.deprecatedFields.contains("device_type") {
                headers[.warning] = DeprecationHeaders.fieldWarning("device_type", replacement: "platform")
            }
            return .json(try await accepted(admission, major: major), status: .accepted, headers: headers)
        }
    }

    /// The 202 for a submission answered by a job that exists already.
    private func acceptedExisting(_ job: JobRecord, _ acceptance: JobView.Acceptance) async throws -> APIResult {
        let body = JobView.accepted(
            job.id, spec: job.spec, queuePosition: try await store.queuePosition(of: job.id), at: job.createdAt,
            acceptance: acceptance)
        return .json(body, status: .accepted)
    }

    /// The 202 body; on v2 with where the job stands in its queue.
    private func accepted(_ admission: JobIntake.Admission, major: MajorVersion.ID) async throws -> JSONValue {
        guard major == .v2 else { return JobView.accepted(admission.id, major: major) }
        return JobView.accepted(
            admission.id, spec: admission.spec, queuePosition: try await store.queuePosition(of: admission.id), at: admission.createdAt)
    }

    func result(_ route: JobView.ResultRoute) -> OperationHandler {
        { request, context in
            var wait: (seconds: Int, changes: AsyncStream<Void>)?
            if context.surface.major == .v2, let microversion = context.microversion, microversion >= APIContract.jobStreamsSince,
               let seconds = try watcher.requestedWait(request.uri.queryParameters) {
                // Watching starts before the read, so a change after it still wakes the wait and the job is read once.
                wait = (seconds, store.laterChanges(of: try context.parameters.jobID()))
            }
            var job = try await ownedJob(request, context)
            if let wait {
                job = try await watcher.ended(job, within: wait.seconds, changes: wait.changes)
            }
            var body = JobView.result(job, major: context.surface.major ?? .v2, route: route)
            if context.surface.major == .v2, let microversion = context.microversion, microversion >= APIContract.webhooksSince {
                let webhook = job.hasWebhook == false ? nil : try await store.webhookState(of: job.id)
                body = body.setting("webhook", WebhookView.state(webhook))
            }
            return .json(body)
        }
    }

    /// Follows a job as server-sent events until its result.
    @Sendable func stream(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let job = try await ownedJob(request, context)
        let lastSent = try watcher.lastEventID(request.headers)
        let microversion = context.microversion ?? APIContract.v2Minimum
        return .raw(try watcher.stream(job, after: lastSent) { job in Self.result(of: job, at: microversion) })
    }

    /// A job's result as its own result route shows it to a v2 client at `microversion`.
    static func result(of job: JobRecord, at microversion: Microversion) -> JSONValue {
        let (route, operation): (JobView.ResultRoute, OperationID) = switch job.spec.kind {
        case .command: (.plain, .commandResult)
        case .config: (.plain, .configResult)
        case .structuredCommand: (.structured, .structuredCommandResult)
        }
        return APIContract.present(JobView.result(job, major: .v2, route: route), operation, at: microversion)
    }

    static func submission(of kind: JobKind) -> OperationID {
        switch kind {
        case .command: .submitCommand
        case .structuredCommand: .submitStructuredCommand
        case .config: .submitConfig
        }
    }

    /// 503 for a structured job that would need ntc-templates on a server without them:
    /// queued, it could only end with raw output and a parse error on every command.
    private func requireTemplates(for spec: JobSpec) throws {
        guard spec.kind == .structuredCommand, spec.textfsmTemplate == nil, let error = templates.unavailableError else { return }
        throw error
    }

    @Sendable func list(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        try await listing(request, context, unsuccessfulOnly: false) { JobView.summary($0, major: $1) }
    }

    /// The dead-letter list: jobs that ended without success, newest first, with why.
    @Sendable func listFailed(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        try await listing(request, context, unsuccessfulOnly: true) { summary, _ in JobView.failure(summary) }
    }

    private func listing(
        _ request: Request, _ context: NAASRequestContext, unsuccessfulOnly: Bool,
        entry: (JobSummary, MajorVersion.ID) -> JSONValue
    ) async throws -> APIResult {
        let principal = try context.caller()
        let major = context.surface.major ?? .v2
        let query = try ListQuery(request.uri.queryParameters)
        // Tag filters came with tags (2.10); older clients never sent one, and v1 ignores unknown parameters.
        let tags = major == .v2 && (context.microversion ?? APIContract.v2Minimum) >= APIContract.jobTagsSince
            ? try JobTagFields.filters(request.uri.queryParameters) : [:]
        let filter = JobFilter(
            owner: principal.seesEveryJob ? nil : principal.owner, contexts: principal.contexts, status: query.status,
            tags: tags, unsuccessfulOnly: unsuccessfulOnly)
        let page = try await store.jobs(filter, page: query.page, perPage: query.perPage)
        let pages = page.total == 0 ? 0 : (page.total + query.perPage - 1) / query.perPage
        return .json([
            "jobs": .array(page.jobs.map { entry($0, major) }),
            "pagination": ["page": .int(query.page), "per_page": .int(query.perPage), "total": .int(page.total), "pages": .int(pages)],
        ])
    }

    @Sendable func cancel(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let job = try await ownedJob(request, context)
        switch try await store.cancel(job.id) {
        case .canceled:
            logger.info("job canceled", metadata: ["request_id": "\(job.id)"])
            audit.record(.jobCancelled, identity: try context.caller().identity, requestID: context.requestID, ["job_id": job.id])
            return .json(["job_id": .string(job.id), "status": "canceled", "message": "Job canceled"])
        case .notFound:
            throw Self.notOwned
        case .notCancelable(let status):
            throw APIError.conflict("Job \(job.id) is \(status.rawValue); only queued jobs can be canceled")
        }
    }

    /// Runs an ended job again as a new job, with the caller's credentials.
    @Sendable func replay(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        var request = request
        let original = try await ownedJob(request, context)
        guard original.status.isTerminal else {
            throw APIError.conflict("Job \(original.id) is \(original.status.rawValue); only an ended job can be replayed")
        }
        let principal = try context.caller()
        // The body is optional: without one, an API-key caller hears which fields it lacks.
        let hasBody = request.headers[.contentLength].map { $0 != "0" } ?? (request.headers[.transferEncoding] != nil)
        let body: JSONValue = hasBody ? try await request.jsonBody(limit: context.maxUploadSize) : [:]
        guard case .object(let fields) = body else {
            throw APIError.validation(source: "json", [FieldError([], "The body must be a JSON object, not \(body.typeName)", type: "type_error")])
        }
        var access = AccessFields(body, operation: .replayJob, microversion: context.microversion, principal: principal)
        var enable: String?
        switch fields["enable"] {
        case nil, .null?: enable = nil
        case .string(let value)?: enable = value
        case let other?: access.errors.append(FieldError(["enable"], "enable must be a string, not \(other.typeName)", type: "type_error"))
        }
        if fields["context"] != nil {
            access.errors.append(FieldError(["context"], "A replay runs in the original job's context; remove context", type: "extra_forbidden"))
        }
        // No template check here: replay's contract predates structured jobs and has no 503 for it. A structured
        // job replayed on a server without ntc-templates runs; its commands keep their raw output and a parse error.
        guard access.errors.isEmpty else { throw APIError.validation(source: "json", access.errors) }
        let admission = JobIntake.Admission(
            id: context.requestID, spec: original.spec, context: original.context,
            credentials: try principal.jobCredentials(bodyLogin: access.bodyLogin, enable: enable), createdAt: intake.clock(), replayOf: original.id,
            tags: original.tags)
        let deviceLimit = try await intake.admit(admission, by: principal, context)
        let headers = RateLimitStatus.tighter(context.rateLimit, deviceLimit)?.headers ?? [:]
        return .json(try await accepted(admission, major: .v2), status: .accepted, headers: headers)
    }

    /// The same 403 for an unknown id and for someone else's job.
    private static let notOwned = APIError.forbidden("Forbidden: these credentials own no job with that id")

    /// The job named in the path, if the caller may see it. An unknown id and
    /// someone else's id get the same 403, so ids cannot be probed; the
    /// context is checked only after ownership for the same reason.
    func ownedJob(_ request: Request, _ context: NAASRequestContext) async throws -> JobRecord {
        let principal = try context.caller()
        let id = try context.parameters.jobID()
        guard let job = try await store.job(id), principal.seesEveryJob || job.owner == principal.owner else {
            throw Self.notOwned
        }
        try intake.authorize(principal, context: job.context, context)
        return job
    }
}

extension NAASRequestContext {
    /// The authenticated caller; every operation with a role has one.
    func caller() throws -> Principal {
        guard let principal else { throw APIError.internalError }
        return principal
    }
}
