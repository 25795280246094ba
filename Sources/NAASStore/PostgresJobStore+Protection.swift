import Foundation
import NAASCore
import PostgresNIO

/// The circuit breaker, lockouts and rate-limit windows, shared by every
/// process on the database. Each decision is made under a lock, so processes
/// deciding at once take turns instead of each counting one short.
extension PostgresJobStore: ProtectionStore {
    /// The first key of the advisory locks that serialise one subject's
    /// failures (the second is a hash of the subject).
    static let failureLockClass: Int32 = 0x6E61_6173

    public func circuitGate(device: String, at now: Date) async throws -> CircuitGate {
        guard protection.circuitThreshold > 0 else { return .closed }
        let clock = now.timeIntervalSince1970
        guard let circuit = try await circuit(device), circuit.state != "closed" else { return .closed }
        if circuit.retryAt > clock {
            return .open(retryAt: Date(timeIntervalSince1970: circuit.retryAt), failures: circuit.failures)
        }
        // Half-open: the one process whose update finds the timeout passed probes; the row lock
        // makes every other one see the new timeout and wait for the probe's verdict.
        let probing = try await rows("""
            UPDATE circuits SET state = 'half_open', retry_at = \(clock + protection.circuitTimeout)
            WHERE device = \(device) AND state <> 'closed' AND coalesce(retry_at, 0) <= \(clock)
            RETURNING device
            """)
        if !probing.isEmpty { return .probe }
        guard let current = try await self.circuit(device), current.state != "closed" else { return .closed }
        return .open(retryAt: Date(timeIntervalSince1970: current.retryAt), failures: current.failures)
    }

    private func circuit(_ device: String) async throws -> (state: String, failures: Int, retryAt: Double)? {
        guard let row = try await rows("SELECT state, failures, retry_at FROM circuits WHERE device = \(device)").first else {
            return nil
        }
        let (state, failures, retryAt) = try row.decode((String, Int, Double?).self)
        return (state, failures, retryAt ?? 0)
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
        var active: [LockoutSnapshot.Key: Double] = [:]
        for row in try await rows("SELECT scope, subject, until FROM lockouts WHERE until > \(clock)") {
            let (scope, subject, until) = try row.decode((String, String, Double).self)
            active[LockoutSnapshot.Key(scope: scope, subject: subject)] = until
        }
        lockouts.replace(with: active, readAt: clock, generation: generation)
        return active[key].map(Date.init(timeIntervalSince1970:))
    }

    public func countRequests(subjects: [String], window: TimeInterval, at now: Date) async throws -> [Int] {
        requestCounts.count(subjects, windowStart: (now.timeIntervalSince1970 / window).rounded(.down) * window)
    }

    /// Adds counts to their windows (a window that has ended starts again);
    /// returns the totals. One statement per window, each committed on its
    /// own, so flushes of several processes never wait on each other's rows.
    static func add(_ counts: [RequestTally.Key: Int], _ connection: PostgresConnection, logger: Logger) async throws
        -> [RequestTally.Key: Int]
    {
        var totals: [RequestTally.Key: Int] = [:]
        for (key, count) in counts {
            let total = try await connection.rows("""
                INSERT INTO rate_windows (subject, window_start, count) VALUES (\(key.subject), \(key.windowStart), \(count))
                ON CONFLICT (subject) DO UPDATE SET
                    count = CASE WHEN rate_windows.window_start = EXCLUDED.window_start THEN rate_windows.count + EXCLUDED.count
                                 WHEN rate_windows.window_start < EXCLUDED.window_start THEN EXCLUDED.count
                                 ELSE rate_windows.count END,
                    window_start = greatest(rate_windows.window_start, EXCLUDED.window_start)
                RETURNING CASE WHEN window_start = \(key.windowStart) THEN count ELSE \(count) END
                """, logger: logger).first?.decode(Int.self)
            totals[key] = total ?? count
        }
        return totals
    }

    /// Counts a job's outcome against its device and its Basic login, inside the transaction that ends it.
    func recordProtection(
        _ outcome: JobOutcome, device: String, loginSubject: String?, now: Double, _ connection: PostgresConnection
    ) async throws -> [ProtectionEvent] {
        guard let lesson = ProtectionLesson(outcome) else { return [] }
        var events = try await recordCircuit(failed: lesson.deviceUnreachable, device: device, now: now, connection)
        if lesson.countsAgainstDevice,
           let lockout = try await recordFailure(.device, subject: device, policy: protection.deviceLockout, now: now, connection) {
            events.append(.deviceLockedOut(device: device, failures: lockout.failures, until: lockout.until))
        }
        if lesson.countsAgainstLogin, let loginSubject,
           let lockout = try await recordFailure(.user, subject: loginSubject, policy: protection.userLockout, now: now, connection) {
            events.append(.userLockedOut(subject: loginSubject, failures: lockout.failures, until: lockout.until))
        }
        return events
    }

    private func recordCircuit(failed: Bool, device: String, now: Double, _ connection: PostgresConnection) async throws
        -> [ProtectionEvent]
    {
        guard protection.circuitThreshold > 0 else { return [] }
        guard failed else {
            let closed = try await connection.rows("DELETE FROM circuits WHERE device = \(device) RETURNING state", logger: logger)
            guard let state = try closed.first?.decode(String.self) else { return [] }
            return state == "closed" ? [] : [.circuitClosed(device: device)]
        }
        // The upsert locks the device's row until this transaction ends: verdicts on one device take turns.
        let counted = try await connection.rows("""
            INSERT INTO circuits (device, failures, state, retry_at) VALUES (\(device), 1, 'closed', NULL)
            ON CONFLICT (device) DO UPDATE SET failures = circuits.failures + 1
            RETURNING failures, state
            """, logger: logger)
        guard let row = counted.first else { return [] }
        let (failures, state) = try row.decode((Int, String).self)
        guard ProtectionLesson.failureOpensCircuit(state: state, failures: failures, threshold: protection.circuitThreshold) else {
            return []
        }
        let retryAt = now + protection.circuitTimeout
        try await connection.query(
            "UPDATE circuits SET state = 'open', retry_at = \(retryAt) WHERE device = \(device)", logger: logger)
        return [.circuitOpened(device: device, failures: failures, retryAt: Date(timeIntervalSince1970: retryAt))]
    }

    /// Records one failure; when it reaches the threshold within the window, locks the subject out.
    /// Returns the new lockout's end and the failure count, if this failure started one.
    private func recordFailure(
        _ scope: LockoutScope, subject: String, policy: ProtectionPolicy.Lockout, now: Double, _ connection: PostgresConnection
    ) async throws -> (until: Date, failures: Int)? {
        guard policy.threshold > 0 else { return nil }
        // Without it, two failures committed at once could each count one short of the threshold.
        try await connection.query("""
            SELECT pg_advisory_xact_lock(\(Self.failureLockClass), hashtext(\(scope.rawValue) || ':' || \(subject)))
            """, logger: logger)
        try await connection.query(
            "INSERT INTO failures (scope, subject, at) VALUES (\(scope.rawValue), \(subject), \(now))", logger: logger)
        let failures = try await connection.rows("""
            SELECT COUNT(*) FROM failures WHERE scope = \(scope.rawValue) AND subject = \(subject) AND at > \(now - policy.window)
            """, logger: logger).first?.decode(Int.self) ?? 0
        guard failures >= policy.threshold else { return nil }
        let locked = try await connection.rows("""
            SELECT 1 FROM lockouts WHERE scope = \(scope.rawValue) AND subject = \(subject) AND until > \(now)
            """, logger: logger)
        guard locked.isEmpty else { return nil }
        let until = now + policy.duration
        try await connection.query("""
            INSERT INTO lockouts (scope, subject, until) VALUES (\(scope.rawValue), \(subject), \(until))
            ON CONFLICT (scope, subject) DO UPDATE SET until = EXCLUDED.until
            """, logger: logger)
        // The lockout now holds them off; start counting afresh when it ends.
        try await connection.query(
            "DELETE FROM failures WHERE scope = \(scope.rawValue) AND subject = \(subject)", logger: logger)
        return (Date(timeIntervalSince1970: until), failures)
    }

    /// Drops failures, lockouts, rate windows and worker rows nothing reads any more.
    func purgeProtectionState(now: Double, _ connection: PostgresConnection) async throws {
        let oldest = now - max(protection.deviceLockout.window, protection.userLockout.window)
        try await connection.query("DELETE FROM failures WHERE at <= \(oldest)", logger: logger)
        try await connection.query("DELETE FROM lockouts WHERE until <= \(now)", logger: logger)
        try await connection.query("DELETE FROM rate_windows WHERE window_start <= \(now - 86_400)", logger: logger)
        try await connection.query("DELETE FROM workers WHERE heartbeat_at <= \(now - 86_400)", logger: logger)
    }
}
