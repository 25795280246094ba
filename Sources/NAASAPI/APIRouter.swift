import Foundation
import Hummingbird
import Logging
import NAASCore
import NAASStore
import NAASWebhooks

/// Everything the HTTP layer needs from the rest of the process.
public struct APIEnvironment: Sendable {
    public let store: any ServiceStore
    public let security: SecuritySettings
    public let audit: AuditLog
    public let workers: @Sendable () -> WorkerSnapshot
    public let contract: APIContract
    public let documents: OpenAPIDocuments
    public let docPage: APIDocPage
    public let metrics: RequestMetrics
    /// ntc-templates for structured jobs, or why the server has none.
    public let templates: TemplateCatalogue
    /// Limits of job streams and long polls.
    public let watch: JobWatchSettings
    /// Idempotency keys and deduplication of submissions.
    public let reuse: JobReuseSettings
    /// Limits of batch submissions.
    public let batches: BatchSettings
    /// Which webhook receivers submissions may name.
    public let webhooks: WebhookSettings
    public let clock: @Sendable () -> Date

    public init(
        store: any ServiceStore, security: SecuritySettings = SecuritySettings(), audit: AuditLog = AuditLog(), workers: @escaping @Sendable () -> WorkerSnapshot,
        contract: APIContract = APIContract(), documents: OpenAPIDocuments, docPage: APIDocPage = APIDocPage(swaggerUIDirectory: nil),
        metrics: RequestMetrics = RequestMetrics(),
        templates: TemplateCatalogue = .unavailable(reason: "it was started without a template library"),
        watch: JobWatchSettings = JobWatchSettings(),
        reuse: JobReuseSettings = JobReuseSettings(),
        batches: BatchSettings = BatchSettings(),
        webhooks: WebhookSettings = WebhookSettings(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.security = security
        self.audit = audit
        self.workers = workers
        self.contract = contract
        self.documents = documents
        self.docPage = docPage
        self.metrics = metrics
        self.templates = templates
        self.watch = watch
        self.reuse = reuse
        self.batches = batches
        self.webhooks = webhooks
        self.clock = clock
    }
}

/// Builds the HTTP router: the contract edge, then every operation of `APIContract`.
public enum APIRouter {
    public static func build(_ environment: APIEnvironment, logger: Logger) -> Router<NAASRequestContext> {
        // HEAD is GET without the body (RFC 9110): load balancers probe with either.
        let router = Router(context: NAASRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ContractMiddleware(contract: environment.contract, clock: environment.clock))
        router.add(middleware: ErrorMiddleware(logger: logger))
        if let assets = environment.docPage.swaggerUIDirectory {
            router.add(middleware: FileMiddleware(assets, urlBasePath: "/apidoc/static", logger: logger))
        }

        let store = environment.store
        let rateLimiter = RateLimiter(store: store, limits: environment.security.rateLimits, clock: environment.clock)
        let workers = WorkerAvailability(registry: store, clock: environment.clock)
        let intake = JobIntake(
            store: store, workers: workers, rateLimiter: rateLimiter,
            settings: environment.security, audit: environment.audit, logger: logger, clock: environment.clock)
        let webhookFields = WebhookFields(settings: environment.webhooks)
        let jobs = JobRoutes(
            store: store, intake: intake, audit: environment.audit, logger: logger, templates: environment.templates,
            watcher: JobWatcher(store: store, settings: environment.watch),
            reuse: JobReuse(store: store, settings: environment.reuse, clock: environment.clock),
            webhooks: webhookFields)
        let batches = BatchRoutes(store: store, intake: intake, settings: environment.batches, webhooks: webhookFields)
        let contexts = ContextRoutes(store: store, workers: workers, settings: environment.security)
        let keys = APIKeyRoutes(
            issuer: APIKeyIssuer(store: store, audit: environment.audit, clock: environment.clock),
            settings: environment.security, clock: environment.clock)
        let authenticator = Authenticator(
            store: store, adminSecret: environment.security.adminSecret, audit: environment.audit, clock: environment.clock)
        let health = HealthRoutes(store: store, workers: environment.workers, startedAt: .now)
        let documents = DocumentRoutes(
            contract: environment.contract, documents: environment.documents, page: environment.docPage,
            metrics: environment.metrics, clock: environment.clock)

        let handlers: [OperationID: OperationHandler] = [
            .submitCommand: jobs.submit(.command),
            .submitConfig: jobs.submit(.config),
            .commandResult: jobs.result(.plain),
            .configResult: jobs.result(.plain),
            .submitStructuredCommand: jobs.submit(.structuredCommand),
            .structuredCommandResult: jobs.result(.structured),
            .submitCommandBatch: batches.submit(.command),
            .submitConfigBatch: batches.submit(.config),
            .readBatch: batches.read,
            .listJobs: jobs.list,
            .listFailedJobs: jobs.listFailed,
            .cancelJob: jobs.cancel,
            .replayJob: jobs.replay,
            .streamJob: jobs.stream,
            .listContexts: contexts.list,
            .listPlatforms: PlatformRoutes().list,
            .listTemplates: TemplateRoutes(catalogue: environment.templates).list,
            .createAPIKey: keys.create,
            .listAPIKeys: keys.list,
            .revokeAPIKey: keys.revoke,
            .rotateAPIKey: keys.rotate,
            .health: health.health,
            .versions: documents.versions,
            .versionEntry: documents.versionEntry,
            .openAPIDocument: documents.openAPIDocument,
            .apiDocs: documents.apiDocs,
            .metrics: documents.metricsText,
        ]
        OperationRouter(
            handlers: handlers, authenticator: authenticator, rateLimiter: rateLimiter, metrics: environment.metrics, logger: logger
        ).register(on: router)
        return router
    }
}
