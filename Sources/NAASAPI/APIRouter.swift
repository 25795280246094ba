import Foundation
import Hummingbird
import Logging
import NAASCore
import NAASStore

/// Everything the HTTP layer needs from the rest of the process.
public struct APIEnvironment: Sendable {
    public let store: any JobStore
    public let signal: QueueSignal
    public let workers: @Sendable () -> WorkerSnapshot
    public let contract: APIContract
    public let documents: OpenAPIDocuments
    public let docPage: APIDocPage
    public let metrics: RequestMetrics
    public let clock: @Sendable () -> Date

    public init(
        store: any JobStore, signal: QueueSignal, workers: @escaping @Sendable () -> WorkerSnapshot,
        contract: APIContract = APIContract(), documents: OpenAPIDocuments, docPage: APIDocPage = APIDocPage(swaggerUIDirectory: nil),
        metrics: RequestMetrics = RequestMetrics(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.signal = signal
        self.workers = workers
        self.contract = contract
        self.documents = documents
        self.docPage = docPage
        self.metrics = metrics
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

        let jobs = JobRoutes(store: environment.store, signal: environment.signal, logger: logger)
        let health = HealthRoutes(store: environment.store, workers: environment.workers, startedAt: .now)
        let documents = DocumentRoutes(
            contract: environment.contract, documents: environment.documents, page: environment.docPage,
            metrics: environment.metrics, clock: environment.clock)

        let handlers: [OperationID: OperationHandler] = [
            .submitCommand: jobs.submit(.command),
            .submitConfig: jobs.submit(.config),
            .commandResult: jobs.result,
            .configResult: jobs.result,
            .listJobs: jobs.list,
            .cancelJob: jobs.cancel,
            .health: health.health,
            .versions: documents.versions,
            .versionEntry: documents.versionEntry,
            .openAPIDocument: documents.openAPIDocument,
            .apiDocs: documents.apiDocs,
            .metrics: documents.metricsText,
        ]
        OperationRouter(handlers: handlers, metrics: environment.metrics, logger: logger).register(on: router)
        return router
    }
}
