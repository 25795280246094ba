import Hummingbird
import NAASStore

/// `GET /v2/contexts`: where jobs can run, and how busy each place is.
struct ContextRoutes: Sendable {
    let store: any ServiceStore
    let workers: WorkerAvailability
    let settings: SecuritySettings

    @Sendable func list(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let principal = try context.caller()
        let live = try await workers.liveWorkers()
        let depths = try await store.queueDepths()
        let contexts: [JSONValue] = settings.contexts.filter(principal.contexts.allows).map { name in
            [
                "name": .string(name),
                "default": .bool(name == settings.defaultContext),
                "workers": .int(live.filter { $0.contexts.contains(name) }.count),
                "queue_depth": .int(depths[name] ?? 0),
            ]
        }
        return .json(["contexts": .array(contexts)])
    }
}
