import Foundation
import Hummingbird
import Logging
import NAASCore
import NAASStore

/// Builds the HTTP router: middleware, then every route of every contract.
public enum APIRouter {
    public static func build(
        store: any JobStore, signal: QueueSignal, workers: @escaping @Sendable () -> WorkerSnapshot, logger: Logger
    ) -> Router<NAASRequestContext> {
        let router = Router(context: NAASRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: APIVersionHeaderMiddleware())
        router.add(middleware: ErrorMiddleware(logger: logger))

        let jobs = JobRoutes(store: store, signal: signal, logger: logger)
        let health = HealthRoutes(store: store, workers: workers, startedAt: .now)

        router.get("/healthcheck", use: health.health)
        for prefix in ["/v1", ""] {
            router.post("\(prefix)/send_command", use: jobs.submit(.command))
            router.post("\(prefix)/send_config", use: jobs.submit(.config))
            router.get("\(prefix)/send_command/:id", use: jobs.result)
            router.get("\(prefix)/send_config/:id", use: jobs.result)
        }
        router.get("/v1/healthcheck", use: health.health)
        router.get("/v1/jobs", use: jobs.list)
        router.delete("/v1/jobs/:id", use: jobs.cancel)
        return router
    }
}
