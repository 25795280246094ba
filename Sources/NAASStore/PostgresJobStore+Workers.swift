import Foundation
import PostgresNIO

extension PostgresJobStore: WorkerRegistry {
    public func heartbeat(_ worker: WorkerRegistration, at now: Date) async throws {
        _ = try await rows("""
            INSERT INTO workers (id, contexts, capacity, heartbeat_at)
            VALUES (\(worker.id), \(worker.contexts.sorted().joined(separator: ",")), \(worker.capacity), \(now.timeIntervalSince1970))
            ON CONFLICT (id) DO UPDATE SET contexts = EXCLUDED.contexts, capacity = EXCLUDED.capacity,
                heartbeat_at = EXCLUDED.heartbeat_at
            """)
    }

    public func removeWorker(id: String) async throws {
        _ = try await rows("DELETE FROM workers WHERE id = \(id)")
    }

    public func liveWorkers(since: Date) async throws -> [WorkerRegistration] {
        try await rows("SELECT id, contexts, capacity FROM workers WHERE heartbeat_at > \(since.timeIntervalSince1970)").map { row in
            let (id, contexts, capacity) = try row.decode((String, String, Int).self)
            return WorkerRegistration(id: id, contexts: Set(contexts.split(separator: ",").map(String.init)), capacity: capacity)
        }
    }
}
