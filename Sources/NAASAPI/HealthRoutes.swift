import Foundation
import Hummingbird
import NAASCore
import NAASStore

/// The service-availability probe.
struct HealthRoutes: Sendable {
    let store: any JobStore
    let workers: @Sendable () -> WorkerSnapshot
    let startedAt: ContinuousClock.Instant

    @Sendable func health(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        // One read answers both questions: a store that can count its queue is up.
        let depth = try? await store.queueDepth()
        let storeHealthy = depth != nil
        let snapshot = workers()
        let status: String
        if !storeHealthy {
            status = "degraded"
        } else if snapshot.capacity == 0 {
            status = "no_workers"
        } else {
            status = "healthy"
        }
        let body: JSONValue = [
            "status": .string(status),
            "version": .string(ServiceInfo.version),
            "uptime_seconds": .int(Int((ContinuousClock.now - startedAt).components.seconds)),
            "components": [
                "queue": ["status": .string(depth == nil ? "unhealthy" : "healthy"), "depth": depth.map(JSONValue.int) ?? .null],
                "workers": [
                    "status": .string(snapshot.capacity == 0 ? "no_workers" : "healthy"),
                    "count": .int(snapshot.capacity), "active_jobs": .int(snapshot.active),
                ],
                "sqlite": ["status": .string(storeHealthy ? "healthy" : "unhealthy")],
            ],
        ]
        return .json(body, status: storeHealthy ? .ok : .serviceUnavailable)
    }
}
