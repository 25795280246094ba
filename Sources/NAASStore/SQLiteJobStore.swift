import Foundation
import GRDB
import NAASCore

/// The embedded store: one SQLite file in WAL mode. GRDB runs every
/// statement on its own serial queues, never on the cooperative pool.
public final class SQLiteJobStore: JobStore {
    let pool: DatabasePool
    let vault: CredentialVault
    let retention: RetentionPolicy
    let protection: ProtectionPolicy
    private let fingerprints: SaltedFingerprints
    let submissions = PendingSubmissions()
    let requestCounts: RequestTally
    let lockouts = LockoutSnapshot()
    let wakeups = WakeupBroadcast()
    /// Changes of single jobs, keyed by job id.
    let jobEvents = WakeupBroadcast()
    let endings = RecentEndings()
    /// The worker of this process that claims jobs as they are inserted.
    let insertedJobsTaker = TakerSlot()

    public static let fileName = "naas.sqlite"

    /// Opens (and creates or migrates) the store at `path`.
    public init(
        path: String, vault: CredentialVault, retention: RetentionPolicy = .init(), protection: ProtectionPolicy = .init()
    ) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL keeps every commit across a process crash;
            // only an OS crash can lose the last transactions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A checkpoint copies the log into the file and syncs it, on the writer a submission waits for: every
            // 8,000 pages (32 MB of log) rather than SQLite's 1,000, a hot index page is written once for many commits.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8000")
        }
        configuration.busyMode = .timeout(5)
        pool = try Self.openPool(path: path, configuration: configuration)
        try SQLiteSchema.migrate(pool)
        self.vault = vault
        self.retention = retention
        self.protection = protection
        self.fingerprints = SaltedFingerprints(salt: try Self.loadOrCreateSalt(pool))
        self.requestCounts = RequestTally { [pool] counts in
            try await pool.write { db in try Self.add(counts, db) }
        }
    }

    /// The first connections to a new file race to switch it to WAL, and SQLite
    /// answers the losers SQLITE_BUSY at once, without the busy timeout: a
    /// server and `naas keys create` starting together must both open it.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempts = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempts < 100 {
                attempts += 1
                usleep(useconds_t(10_000 + Int.random(in: 0..<10_000)))
            }
        }
    }

    private static func loadOrCreateSalt(_ pool: DatabasePool) throws -> Data {
        try pool.write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'owner_salt'"),
               let salt = Data(base64Encoded: existing) {
                return salt
            }
            let salt = SaltedFingerprints.newSalt()
            try db.execute(sql: "INSERT INTO meta (name, value) VALUES ('owner_salt', ?)", arguments: [salt.base64EncodedString()])
            return salt
        }
    }

    /// Inserts one job unless its id is taken or an active job holds its dedup key.
    static func insert(_ job: PendingJob, _ db: Database) throws -> Insertion {
        try db.cachedStatement(
            sql: """
                INSERT INTO jobs (id, owner, context, status, spec, credentials, login_subject, submitted_by, created_at,
                    tags, dedup_key, batch_id, batch_index)
                VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """
        ).execute(
            arguments: [
                job.id, job.owner, job.context, job.spec, job.sealedCredentials, job.loginSubject, job.submittedBy,
                job.createdAt, job.tags, job.dedupKey, job.batchID, job.batchIndex,
            ])
        if db.changesCount > 0 {
            if let url = job.webhookURL {
                try db.execute(sql: """
                    INSERT INTO webhook_deliveries (job_id, url, secret, microversion) VALUES (?, ?, ?, ?)
                    """, arguments: [job.id, url, job.sealedWebhookSecret, job.webhookMicroversion])
            }
            return .inserted
        }
        // A taken id is the client's mistake, even when that job is also this one's duplicate.
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM jobs WHERE id = ?", arguments: [job.id]) == true {
            return .takenID
        }
        guard let key = job.dedupKey, let active = try String.fetchOne(db, sql: """
            SELECT id FROM jobs WHERE dedup_key = ? AND status IN ('queued', 'started')
            """, arguments: [key]) else { return .takenID }
        return .duplicate(of: active)
    }

    public func enqueueBatch(_ jobs: [NewJob]) async throws {
        let pending = try jobs.map { try PendingJob($0, vault: vault) }
        // Throwing inside the write rolls the whole batch back.
        try await pool.write { db in
            for job in pending { try Self.insert(job, db).check(job.id) }
        }
        for context in Set(jobs.map(\.context)) { wakeups.announce(context) }
    }

    public func batchJobs(_ batchID: String) async throws -> [JobRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM jobs WHERE batch_id = ? ORDER BY batch_index", arguments: [batchID])
                .map(Self.record)
        }
    }

    public func ownerFingerprint(username: String, password: String) -> String {
        fingerprints.owner(username: username, password: password)
    }

    public func loginFingerprint(_ username: String) -> String {
        fingerprints.login(username)
    }

    public func fingerprint(of parts: [String]) -> String {
        fingerprints.of(parts)
    }

    @discardableResult
    public func finish(_ id: String, outcome: JobOutcome) async throws -> [ProtectionEvent] {
        let now = Date().timeIntervalSince1970
        let ending = try JobEnding(outcome, retention: retention)
        let watched = jobEvents.isWatched(id)
        let ended: (events: [ProtectionEvent], record: JobRecord?)? = try await pool.write { [self] db in
            let ended = try Row.fetchOne(db.cachedStatement(sql: """
                UPDATE jobs SET status = ?, output = ?, error = ?, error_code = ?, ended_at = ?,
                    expires_at = ?, credentials = NULL, lease_expires_at = NULL
                WHERE id = ? AND status = 'started'
                RETURNING spec, login_subject
                """), arguments: [
                    ending.status.rawValue, ending.output, ending.error, ending.errorCode, now, now + ending.retention, id,
                ])
            guard let ended else { return nil }
            let spec = try JobSpec(storedJSON: ended["spec"])
            let events = try recordProtection(
                outcome, device: spec.target.address, loginSubject: ended["login_subject"], now: now, db)
            // A client waits on this job: it gets the ended record with the wake-up, not a read after it.
            return (events, watched ? try Self.job(id, db) : nil)
        }
        guard let ended else { return [] }
        let events = ended.events
        if let record = ended.record { endings.keep(record) }
        jobEvents.announce(id)
        // Only now is a new lockout committed, so only now may the snapshot be read again.
        if !events.isEmpty { lockouts.invalidate() }
        return events
    }

    public func cancel(_ id: String) async throws -> CancelResult {
        let now = Date().timeIntervalSince1970
        let keep = retention.failed
        let result: CancelResult = try await pool.write { db in
            try db.execute(sql: """
                UPDATE jobs SET status = 'canceled', ended_at = ?, expires_at = ?, credentials = NULL
                WHERE id = ? AND status = 'queued'
                """, arguments: [now, now + keep, id])
            if db.changesCount > 0 { return .canceled }
            guard let raw = try String.fetchOne(db, sql: "SELECT status FROM jobs WHERE id = ?", arguments: [id]),
                  let status = JobStatus(rawValue: raw) else { return .notFound }
            return .notCancelable(status)
        }
        if result == .canceled { jobEvents.announce(id) }
        return result
    }

    public func job(_ id: String) async throws -> JobRecord? {
        try await pool.read { db in try Self.job(id, db) }
    }

    static func job(_ id: String, _ db: Database) throws -> JobRecord? {
        // Whether a webhook exists comes along, so a result without one needs no second read.
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT *, EXISTS (SELECT 1 FROM webhook_deliveries WHERE job_id = jobs.id) AS has_webhook FROM jobs WHERE id = ?
            """), arguments: [id]).map(Self.record)
    }

    public func jobs(_ filter: JobFilter, page: Int, perPage: Int) async throws -> JobPage {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let owner = filter.owner {
            conditions.append("owner = ?")
            arguments += [owner]
        }
        if case .only(let contexts) = filter.contexts {
            let condition = Self.contextCondition(contexts)
            conditions.append(condition.sql)
            arguments += condition.arguments
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if filter.unsuccessfulOnly {
            conditions.append("(status = 'failed' OR (status = 'finished' AND error_code IS NOT NULL))")
        }
        // Tag keys hold no quote (`^[A-Za-z0-9_:-]+$`), so a quoted JSON path names them safely.
        for (key, value) in filter.tags.sorted(by: { $0.key < $1.key }) {
            conditions.append("json_extract(tags, ?) = ?")
            arguments += ["$.\"\(key)\"", value]
        }
        let clause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let countArguments = arguments
        arguments += [perPage, (page - 1) * perPage]
        let pageArguments = arguments
        return try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, context, status, created_at, ended_at, tags, error, error_code, spec FROM jobs\(clause)
                ORDER BY seq DESC LIMIT ? OFFSET ?
                """, arguments: pageArguments)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs\(clause)", arguments: countArguments) ?? 0
            return JobPage(jobs: rows.map(Self.summary), total: total)
        }
    }

    public func queuePosition(of id: String) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM jobs AS ahead, jobs AS this
                WHERE this.id = ? AND this.status = 'queued'
                    AND ahead.status = 'queued' AND ahead.context = this.context AND ahead.seq <= this.seq
                """, arguments: [id]) ?? 0
        }
    }

    public func queueDepth() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE status = 'queued'") ?? 0
        }
    }

    public func queueDepths() async throws -> [String: Int] {
        try await pool.read { db in
            var depths: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT context, COUNT(*) AS depth FROM jobs WHERE status = 'queued' GROUP BY context") {
                depths[row["context"]] = row["depth"]
            }
            return depths
        }
    }

    public func failInterruptedJobs(reason: String) async throws -> [String] {
        let now = Date().timeIntervalSince1970
        let keep = retention.failed
        let failed = try await pool.write { db in
            try String.fetchAll(db, sql: """
                UPDATE jobs SET status = 'failed', error = ?, ended_at = ?, expires_at = ?, credentials = NULL,
                    lease_expires_at = NULL
                WHERE status = 'started' RETURNING id
                """, arguments: [reason, now, now + keep])
        }
        for id in failed { jobEvents.announce(id) }
        return failed
    }

    public func purgeExpired(now: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM jobs WHERE expires_at IS NOT NULL AND expires_at <= ?", arguments: [now.timeIntervalSince1970])
            let purged = db.changesCount
            try db.execute(sql: "DELETE FROM idempotency_keys WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "DELETE FROM webhook_deliveries WHERE job_id NOT IN (SELECT id FROM jobs)")
            try purgeProtectionState(now: now.timeIntervalSince1970, db)
            return purged
        }
    }

    /// `context IN (?, …)` and its arguments; no contexts match nothing. The
    /// names are sorted so the same set gives the same (cached) statement.
    static func contextCondition(_ contexts: Set<String>) -> (sql: String, arguments: StatementArguments) {
        guard !contexts.isEmpty else { return ("0", []) }
        let placeholders = Array(repeating: "?", count: contexts.count).joined(separator: ", ")
        return ("context IN (\(placeholders))", StatementArguments(contexts.sorted()))
    }

    private static func summary(_ row: Row) -> JobSummary {
        JobSummary(
            id: row["id"], context: row["context"], status: JobStatus(rawValue: row["status"]) ?? .failed,
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            tags: JobTags.decode(row["tags"]), error: row["error"],
            errorCode: (row["error_code"] as String?).flatMap(DeviceErrorCode.init(rawValue:)),
            target: JobTags.target(ofSpec: row["spec"]))
    }

    private static func record(_ row: Row) throws -> JobRecord {
        let spec = try JobSpec(storedJSON: row["spec"])
        let output = try (row["output"] as String?).map { try JobOutputCoding.decode($0, kind: spec.kind) }
        var record = JobRecord(
            id: row["id"], owner: row["owner"], context: row["context"], spec: spec,
            status: JobStatus(rawValue: row["status"]) ?? .failed,
            output: output, error: row["error"],
            errorCode: (row["error_code"] as String?).flatMap(DeviceErrorCode.init(rawValue:)),
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            tags: JobTags.decode(row["tags"]))
        if row.hasColumn("has_webhook") { record.hasWebhook = row["has_webhook"] }
        return record
    }
}

extension SQLiteJobStore {
    /// Whether a job's sealed credentials are gone (they are erased when it ends).
    func credentialsAreErased(_ id: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT credentials IS NULL FROM jobs WHERE id = ?", arguments: [id]) ?? true
        }
    }
}
