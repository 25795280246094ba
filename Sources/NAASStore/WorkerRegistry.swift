import Foundation

/// Which workers are alive and which contexts they serve, so the API can
/// refuse a job nobody would run.
public protocol WorkerRegistry: Sendable {
    /// Records (or refreshes) a worker's heartbeat.
    func heartbeat(_ worker: WorkerRegistration, at now: Date) async throws

    func removeWorker(id: String) async throws

    /// Workers whose last heartbeat is more recent than `since`.
    func liveWorkers(since: Date) async throws -> [WorkerRegistration]
}

/// A worker process's claim to serve some contexts.
public struct WorkerRegistration: Sendable, Equatable {
    public let id: String
    public let contexts: Set<String>
    public let capacity: Int

    public init(id: String, contexts: Set<String>, capacity: Int) {
        self.id = id
        self.contexts = contexts
        self.capacity = capacity
    }

    /// How often a worker reports, and how long silence means it is gone.
    public static let heartbeatInterval: TimeInterval = 5
    public static let liveness: TimeInterval = 15
}
