import Foundation
import GRDB

extension SQLiteJobStore: WorkerRegistry {
    public func heartbeat(_ worker: WorkerRegistration, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO workers (id, contexts, capacity, heartbeat_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET contexts = excluded.contexts, capacity = excluded.capacity,
                    heartbeat_at = excluded.heartbeat_at
                """, arguments: [worker.id, worker.contexts.sorted().joined(separator: ","), worker.capacity, now.timeIntervalSince1970])
        }
    }

    public func removeWorker(id: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM workers WHERE id = ?", arguments: [id])
        }
    }

    public func liveWorkers(since: Date) async throws -> [WorkerRegistration] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workers WHERE heartbeat_at > ?", arguments: [since.timeIntervalSince1970]).map { row in
                WorkerRegistration(
                    id: row["id"], contexts: Set((row["contexts"] as String).split(separator: ",").map(String.init)),
                    capacity: row["capacity"])
            }
        }
    }
}
