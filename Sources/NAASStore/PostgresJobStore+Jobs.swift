import Foundation
import NAASCore
import PostgresNIO

extension PostgresJobStore: JobStore {
    public func enqueue(_ job: NewJob) async throws {
        try await submissions.submit(try PendingJob(job, vault: vault)).check(job.id)
        // This process's workers hear at once; the others by the commit's NOTIFY.
        wakeups.announce(job.context)
    }

    /// Inserts a group of submissions in one transaction and notifies their
    /// contexts' listeners when it commits; a taken id fails only its own job.
    static func insert(_ jobs: [PendingJob], _ connection: PostgresConnection, logger: Logger) async throws -> [Insertion] {
        var inserted: [Insertion] = []
        var contexts = Set<String>()
        for job in jobs {
            let rows = try await connection.rows("""
                INSERT INTO jobs (id, owner, context, status, spec, credentials, login_subject, submitted_by, created_at, tags,
                    dedup_key, batch_id, batch_index)
                VALUES (\(job.id), \(job.owner), \(job.context), 'queued', \(job.spec), \(job.sealedCredentials),
                    \(job.loginSubject), \(job.submittedBy), \(job.createdAt), \(job.tags)::jsonb, \(job.dedupKey),
                    \(job.batchID), \(job.batchIndex))
                ON CONFLICT DO NOTHING
                RETURNING seq
                """, logger: logger)
            if !rows.isEmpty {
                if let url = job.webhookURL {
                    try await connection.query("""
                        INSERT INTO webhook_deliveries (job_id, url, secret, microversion)
                        VALUES (\(job.id), \(url), \(job.sealedWebhookSecret), \(job.webhookMicroversion))
                        """, logger: logger)
                }
                inserted.append(.inserted)
                contexts.insert(job.context)
            } else if try await !connection.rows("SELECT 1 FROM jobs WHERE id = \(job.id)", logger: logger).isEmpty {
                // A taken id is the client's mistake, even when that job is also this one's duplicate.
                inserted.append(.takenID)
            } else if let key = job.dedupKey, let active = try await connection.rows("""
                SELECT id FROM jobs WHERE dedup_key = \(key) AND status IN ('queued', 'started')
                """, logger: logger).first {
                inserted.append(.duplicate(of: try active.decode(String.self)))
            } else {
                inserted.append(.takenID)
            }
        }
        for context in contexts.sorted() {
            try await connection.query("SELECT pg_notify(\(PostgresQueueListener.channel), \(context))", logger: logger)
        }
        return inserted
    }

    public func claim(upTo limit: Int, contexts: Set<String>?, lease: JobLease?) async throws -> [ClaimedJob] {
        if let contexts, contexts.isEmpty { return [] }
        guard limit > 0 else { return [] }
        let now = Date().timeIntervalSince1970
        let wanted = contexts.map { $0.sorted() }
        // SKIP LOCKED passes over the rows other claimers are taking: each job goes to one of them.
        // ARRAY(...) runs the subquery once; as `seq IN (...)` the planner may run it again per row,
        // and then LIMIT no longer bounds the claim.
        // The notification goes out with the commit: watchers of the job learn it started.
        let claimed = try await rows("""
            WITH claimed AS (
                UPDATE jobs SET status = 'started', started_at = \(now), worker = \(lease?.worker),
                    lease_expires_at = \(lease.map { now + $0.duration })
                WHERE seq = ANY(ARRAY(
                    SELECT seq FROM jobs
                    WHERE status = 'queued' AND (\(wanted)::text[] IS NULL OR context = ANY(\(wanted)))
                    ORDER BY seq LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED
                )) AND status = 'queued'
                RETURNING seq, id, submitted_by, spec, credentials
            )
            SELECT id, submitted_by, spec, credentials, \(unescaped: PostgresQueueListener.jobChangeNotice(idColumn: "id")) FROM claimed
            ORDER BY seq
            """)
        let rows = try claimed.map { row in try row.decode((String, String?, String, Data?).self) }
        return await readable(rows.map { id, submittedBy, specJSON, sealed in
            (id, { try self.vault.claimedJob(id: id, submittedBy: submittedBy, specJSON: specJSON, sealed: sealed) })
        })
    }

    @discardableResult
    public func finish(_ id: String, outcome: JobOutcome) async throws -> [ProtectionEvent] {
        let now = Date().timeIntervalSince1970
        let ending = try JobEnding(outcome, retention: retention)
        let events: [ProtectionEvent] = try await transaction { [self] connection in
            let ended = try await connection.rows("""
                UPDATE jobs SET status = \(ending.status.rawValue), output = \(ending.output), error = \(ending.error),
                    error_code = \(ending.errorCode), ended_at = \(now), expires_at = \(now + ending.retention),
                    credentials = NULL, lease_expires_at = NULL
                WHERE id = \(id) AND status = 'started'
                RETURNING spec, login_subject
                """, logger: logger)
            guard let row = ended.first else { return [] }
            try await connection.query("SELECT pg_notify(\(PostgresQueueListener.channel), \(PostgresQueueListener.jobPayload(id)))", logger: logger)
            let (specJSON, loginSubject) = try row.decode((String, String?).self)
            let spec = try JobSpec(storedJSON: specJSON)
            return try await recordProtection(outcome, device: spec.target.address, loginSubject: loginSubject, now: now, connection)
        }
        // Only now is a new lockout committed, so only now may the snapshot be read again.
        if !events.isEmpty { lockouts.invalidate() }
        return events
    }

    public func cancel(_ id: String) async throws -> CancelResult {
        let now = Date().timeIntervalSince1970
        let canceled = try await rows("""
            WITH canceled AS (
                UPDATE jobs SET status = 'canceled', ended_at = \(now), expires_at = \(now + retention.failed), credentials = NULL
                WHERE id = \(id) AND status = 'queued'
                RETURNING id
            )
            SELECT id, \(unescaped: PostgresQueueListener.jobChangeNotice(idColumn: "id")) FROM canceled
            """)
        if !canceled.isEmpty { return .canceled }
        guard let row = try await rows("SELECT status FROM jobs WHERE id = \(id)").first,
              let status = JobStatus(rawValue: try row.decode(String.self))
        else { return .notFound }
        return .notCancelable(status)
    }

    public func enqueueBatch(_ jobs: [NewJob]) async throws {
        let pending = try jobs.map { try PendingJob($0, vault: vault) }
        // Throwing inside the transaction rolls the whole batch back, notifications included.
        try await transaction { [logger] connection in
            for (job, insertion) in zip(pending, try await Self.insert(pending, connection, logger: logger)) {
                try insertion.check(job.id)
            }
        }
        for context in Set(jobs.map(\.context)) { wakeups.announce(context) }
    }

    public func batchJobs(_ batchID: String) async throws -> [JobRecord] {
        try await rows("""
            SELECT id, owner, context, spec, status, output, error, error_code, created_at, started_at, ended_at, tags::text
            FROM jobs WHERE batch_id = \(batchID) ORDER BY batch_index
            """).map(PostgresRows.record)
    }

    public func job(_ id: String) async throws -> JobRecord? {
        try await rows("""
            SELECT id, owner, context, spec, status, output, error, error_code, created_at, started_at, ended_at, tags::text
            FROM jobs WHERE id = \(id)
            """).first.map(PostgresRows.record)
    }

    public func jobs(_ filter: JobFilter, page: Int, perPage: Int) async throws -> JobPage {
        var contexts: [String]?
        if case .only(let names) = filter.contexts { contexts = names.sorted() }
        let status = filter.status?.rawValue
        let tags = JobTags.encode(filter.tags)
        // The same conditions twice: a PostgresQuery's binds cannot be shared between two statements.
        let listed = try await rows("""
            SELECT id, context, status, created_at, ended_at, tags::text, error, error_code, spec FROM jobs
            WHERE (\(filter.owner)::text IS NULL OR owner = \(filter.owner))
                AND (\(contexts)::text[] IS NULL OR context = ANY(\(contexts)))
                AND (\(status)::text IS NULL OR status = \(status))
                AND (NOT \(filter.unsuccessfulOnly) OR status = 'failed' OR (status = 'finished' AND error_code IS NOT NULL))
                AND (\(tags)::jsonb IS NULL OR tags @> \(tags)::jsonb)
            ORDER BY seq DESC LIMIT \(perPage) OFFSET \((page - 1) * perPage)
            """)
        let total = try await rows("""
            SELECT COUNT(*) FROM jobs
            WHERE (\(filter.owner)::text IS NULL OR owner = \(filter.owner))
                AND (\(contexts)::text[] IS NULL OR context = ANY(\(contexts)))
                AND (\(status)::text IS NULL OR status = \(status))
                AND (NOT \(filter.unsuccessfulOnly) OR status = 'failed' OR (status = 'finished' AND error_code IS NOT NULL))
                AND (\(tags)::jsonb IS NULL OR tags @> \(tags)::jsonb)
            """).first?.decode(Int.self) ?? 0
        return JobPage(jobs: try listed.map(PostgresRows.summary), total: total)
    }

    public func queuePosition(of id: String) async throws -> Int {
        try await rows("""
            SELECT COUNT(*) FROM jobs AS ahead, jobs AS this
            WHERE this.id = \(id) AND this.status = 'queued'
                AND ahead.status = 'queued' AND ahead.context = this.context AND ahead.seq <= this.seq
            """).first?.decode(Int.self) ?? 0
    }

    public func queueDepth() async throws -> Int {
        try await rows("SELECT COUNT(*) FROM jobs WHERE status = 'queued'").first?.decode(Int.self) ?? 0
    }

    public func queueDepths() async throws -> [String: Int] {
        var depths: [String: Int] = [:]
        for row in try await rows("SELECT context, COUNT(*) FROM jobs WHERE status = 'queued' GROUP BY context") {
            let (context, depth) = try row.decode((String, Int).self)
            depths[context] = depth
        }
        return depths
    }

    public func failInterruptedJobs(reason: String) async throws -> [String] {
        let now = Date().timeIntervalSince1970
        return try await rows("""
            WITH failed AS (
                UPDATE jobs SET status = 'failed', error = \(reason), ended_at = \(now), expires_at = \(now + retention.failed),
                    credentials = NULL, lease_expires_at = NULL
                WHERE status = 'started'
                RETURNING id
            )
            SELECT id, \(unescaped: PostgresQueueListener.jobChangeNotice(idColumn: "id")) FROM failed
            """).map { try $0.decode(String.self) }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        let clock = now.timeIntervalSince1970
        return try await transaction { [self] connection in
            let purged = try await connection.rows(
                "DELETE FROM jobs WHERE expires_at IS NOT NULL AND expires_at <= \(clock) RETURNING seq", logger: logger
            ).count
            try await connection.query("DELETE FROM idempotency_keys WHERE expires_at <= \(clock)", logger: logger)
            try await connection.query(
                "DELETE FROM webhook_deliveries WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = webhook_deliveries.job_id)",
                logger: logger)
            try await purgeProtectionState(now: clock, connection)
            return purged
        }
    }
}

extension PostgresJobStore {
    /// Whether a job's sealed credentials are gone (they are erased when it ends).
    func credentialsAreErased(_ id: String) async throws -> Bool {
        try await rows("SELECT credentials IS NULL FROM jobs WHERE id = \(id)").first?.decode(Bool.self) ?? true
    }
}
