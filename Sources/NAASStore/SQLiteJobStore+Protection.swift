import Foundation
import GRDB
import NAASCore

/// The circuit breaker, lockouts and rate-limit windows, kept in the same
/// database as the jobs so every process sharing it sees the same state.
extension SQLiteJobStore: ProtectionStore {
    public func circuitGate(device: String, at now: Date) async throws -> CircuitGate {
        guard protection.circuitThreshold > 0 else { return .closed }
        // Most devices have no circuit row: a read answers them without taking the write lock.
        let known = try await pool.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT state != 'closed' FROM circuits WHERE device = ?"), arguments: [device]) ?? false
        }
        guard known else { return .closed }
        let timeout = protection.circuitTimeout
        let clock = now.timeIntervalSince1970
        return try await pool.write { db in try Self.circuitGate(device: device, at: clock, timeout: timeout, db) }
    }

    /// The gate of `device`, in a write transaction: a circuit whose timeout passed turns half-open.
    static func circuitGate(device: String, at clock: Double, timeout: TimeInterval, _ db: Database) throws -> CircuitGate {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT state, failures, retry_at FROM circuits WHERE device = ?"), arguments: [device]),
              (row["state"] as String) != "closed"
        else { return .closed }
        let retryAt: Double = row["retry_at"] ?? 0
        if retryAt > clock {
            return .open(retryAt: Date(timeIntervalSince1970: retryAt), failures: row["failures"])
        }
        // Half-open: this job probes; the next one waits for its verdict (or for another timeout, if the probe is lost).
        try db.execute(sql: "UPDATE circuits SET state = 'half_open', retry_at = ? WHERE device = ?", arguments: [clock + timeout, device])
        return .probe
    }

    public func lockedUntil(_ scope: LockoutScope, subject: String, at now: Date) async throws -> Date? {
        let key = LockoutSnapshot.Key(scope: scope.rawValue, subject: subject)
        let clock = now.timeIntervalSince1970
        let generation: Int
        switch lockouts.lookup(key, now: clock) {
        case .known(let until): return until.map(Date.init(timeIntervalSince1970:))
        case .unknown(let current): generation = current
        }
        // Lockouts are few and short-lived: read them all, so the next requests need no read at all.
        let active = try await pool.read { db in
            var active: [LockoutSnapshot.Key: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scope, subject, until FROM lockouts WHERE until > ?", arguments: [clock]) {
                active[LockoutSnapshot.Key(scope: row["scope"], subject: row["subject"])] = row["until"]
            }
            return active
        }
        lockouts.replace(with: active, readAt: clock, generation: generation)
        return active[key].map(Date.init(timeIntervalSince1970:))
    }

    public func countRequests(subjects: [String], window: TimeInterval, at now: Date) async throws -> [Int] {
        requestCounts.count(subjects, windowStart: (now.timeIntervalSince1970 / window).rounded(.down) * window)
    }

    /// Adds counts to their windows (a window that has ended starts again); returns the totals.
    static func add(_ counts: [RequestTally.Key: Int], _ db: Database) throws -> [RequestTally.Key: Int] {
        var totals: [RequestTally.Key: Int] = [:]
        for (key, count) in counts {
            totals[key] = try Int.fetchOne(db.cachedStatement(sql: """
                INSERT INTO rate_windows (subject, window_start, count) VALUES (?, ?, ?)
                ON CONFLICT(subject) DO UPDATE SET
                    count = CASE WHEN window_start = excluded.window_start THEN count + excluded.count
                                 WHEN window_start < excluded.window_start THEN excluded.count
                                 ELSE count END,
                    window_start = max(window_start, excluded.window_start)
                RETURNING CASE WHEN window_start = ? THEN count ELSE ? END
                """), arguments: [key.subject, key.windowStart, count, key.windowStart, count]) ?? count
        }
        return totals
    }

    /// Counts a job's outcome against its device and its Basic login, inside the transaction that ends it.
    func recordProtection(_ outcome: JobOutcome, device: String, loginSubject: String?, now: Double, _ db: Database) throws -> [ProtectionEvent] {
        guard let lesson = ProtectionLesson(outcome) else { return [] }
        var events = try recordCircuit(failed: lesson.deviceUnreachable, device: device, now: now, db)
        if lesson.countsAgainstDevice,
           let lockout = try recordFailure(.device, subject: device, policy: protection.deviceLockout, now: now, db) {
            events.append(.deviceLockedOut(device: device, failures: lockout.failures, until: lockout.until))
        }
        if lesson.countsAgainstLogin, let loginSubject,
           let lockout = try recordFailure(.user, subject: loginSubject, policy: protection.userLockout, now: now, db) {
            events.append(.userLockedOut(subject: loginSubject, failures: lockout.failures, until: lockout.until))
        }
        return events
    }

    private func recordCircuit(failed: Bool, device: String, now: Double, _ db: Database) throws -> [ProtectionEvent] {
        guard protection.circuitThreshold > 0 else { return [] }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT state, failures FROM circuits WHERE device = ?"), arguments: [device])
        let state: String = row?["state"] ?? "closed"
        guard failed else {
            guard row != nil else { return [] }
            try db.execute(sql: "DELETE FROM circuits WHERE device = ?", arguments: [device])
            return state == "closed" ? [] : [.circuitClosed(device: device)]
        }
        let failures = (row?["failures"] as Int? ?? 0) + 1
        let opens = ProtectionLesson.failureOpensCircuit(state: state, failures: failures, threshold: protection.circuitThreshold)
        let retryAt = now + protection.circuitTimeout
        // A failure reported while the circuit is already open (a job that was
        // running when it opened) keeps the timeout it has.
        try db.execute(sql: """
            INSERT INTO circuits (device, failures, state, retry_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(device) DO UPDATE SET failures = excluded.failures, state = excluded.state,
                retry_at = coalesce(excluded.retry_at, retry_at)
            """, arguments: [device, failures, opens ? "open" : state, opens ? retryAt : nil])
        return opens ? [.circuitOpened(device: device, failures: failures, retryAt: Date(timeIntervalSince1970: retryAt))] : []
    }

    /// Records one failure; when it reaches the threshold within the window, locks the subject out.
    /// Returns the new lockout's end and the failure count, if this failure started one.
    private func recordFailure(
        _ scope: LockoutScope, subject: String, policy: ProtectionPolicy.Lockout, now: Double, _ db: Database
    ) throws -> (until: Date, failures: Int)? {
        guard policy.threshold > 0 else { return nil }
        try db.execute(sql: "INSERT INTO failures (scope, subject, at) VALUES (?, ?, ?)", arguments: [scope.rawValue, subject, now])
        let failures = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM failures WHERE scope = ? AND subject = ? AND at > ?",
            arguments: [scope.rawValue, subject, now - policy.window]) ?? 0
        guard failures >= policy.threshold else { return nil }
        let locked = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM lockouts WHERE scope = ? AND subject = ? AND until > ?",
            arguments: [scope.rawValue, subject, now]) ?? false
        guard !locked else { return nil }
        let until = now + policy.duration
        try db.execute(sql: """
            INSERT INTO lockouts (scope, subject, until) VALUES (?, ?, ?)
            ON CONFLICT(scope, subject) DO UPDATE SET until = excluded.until
            """, arguments: [scope.rawValue, subject, until])
        // The lockout now holds them off; start counting afresh when it ends.
        try db.execute(sql: "DELETE FROM failures WHERE scope = ? AND subject = ?", arguments: [scope.rawValue, subject])
        return (Date(timeIntervalSince1970: until), failures)
    }

    /// Drops failures, lockouts, rate windows and worker rows nothing reads any more.
    func purgeProtectionState(now: Double, _ db: Database) throws {
        let oldest = now - max(protection.deviceLockout.window, protection.userLockout.window)
        try db.execute(sql: "DELETE FROM failures WHERE at <= ?", arguments: [oldest])
        try db.execute(sql: "DELETE FROM lockouts WHERE until <= ?", arguments: [now])
        try db.execute(sql: "DELETE FROM rate_windows WHERE window_start <= ?", arguments: [now - 86_400])
        try db.execute(sql: "DELETE FROM workers WHERE heartbeat_at <= ?", arguments: [now - 86_400])
    }
}
