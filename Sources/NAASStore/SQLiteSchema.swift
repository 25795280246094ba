import GRDB

/// The SQLite schema, as ordered migrations.
enum SQLiteSchema {
    /// Applies the migrations the file lacks. Processes opening one file at
    /// once can each set out to apply the same migration: the second to get
    /// the write lock fails (its table or column exists already) and rolls
    /// back. A failure while another process made progress is that race, so
    /// it tries again with what is applied now; any other failure is thrown.
    static func migrate(_ pool: DatabasePool) throws {
        while true {
            let before = try pool.read { db in try migrator.appliedIdentifiers(db) }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                let after = try pool.read { db in try migrator.appliedIdentifiers(db) }
                guard after != before else { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    owner TEXT NOT NULL,
                    status TEXT NOT NULL,
                    spec TEXT NOT NULL,
                    credentials BLOB,
                    output TEXT,
                    error TEXT,
                    error_code TEXT,
                    created_at REAL NOT NULL,
                    started_at REAL,
                    ended_at REAL,
                    expires_at REAL
                );
                CREATE INDEX jobs_by_status ON jobs(status, seq);
                CREATE INDEX jobs_by_owner ON jobs(owner, seq);
                CREATE INDEX jobs_by_expiry ON jobs(expires_at) WHERE expires_at IS NOT NULL;
                """)
        }
        migrator.registerMigration("2-security") { db in
            try db.execute(sql: """
                ALTER TABLE jobs ADD COLUMN context TEXT NOT NULL DEFAULT 'default';
                -- The salted hash of the Basic username that submitted the job, for user lockouts.
                ALTER TABLE jobs ADD COLUMN login_subject TEXT;
                -- Who submitted it, as the audit log names callers (never a secret).
                ALTER TABLE jobs ADD COLUMN submitted_by TEXT;
                CREATE INDEX jobs_by_context ON jobs(status, context, seq);
                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY,
                    token_hash TEXT NOT NULL UNIQUE,
                    prefix TEXT NOT NULL,
                    role TEXT NOT NULL,
                    contexts TEXT NOT NULL,
                    name TEXT,
                    created_by TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    lifetime REAL,
                    expires_at REAL,
                    revoked_at REAL
                );
                CREATE TABLE workers (
                    id TEXT PRIMARY KEY,
                    contexts TEXT NOT NULL,
                    capacity INTEGER NOT NULL,
                    heartbeat_at REAL NOT NULL
                );
                CREATE TABLE circuits (
                    device TEXT PRIMARY KEY,
                    failures INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    retry_at REAL
                );
                CREATE TABLE failures (
                    scope TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    at REAL NOT NULL
                );
                CREATE INDEX failures_by_subject ON failures(scope, subject, at);
                CREATE TABLE lockouts (
                    scope TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    until REAL NOT NULL,
                    PRIMARY KEY (scope, subject)
                );
                CREATE TABLE rate_windows (
                    subject TEXT PRIMARY KEY,
                    window_start REAL NOT NULL,
                    count INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("3-leases") { db in
            try db.execute(sql: """
                -- The worker that claimed a started job, and when its claim lapses
                -- unless renewed (NULL: held until the job ends).
                ALTER TABLE jobs ADD COLUMN worker TEXT;
                ALTER TABLE jobs ADD COLUMN lease_expires_at REAL;
                """)
        }
        migrator.registerMigration("4-tags") { db in
            try db.execute(sql: """
                -- The submitter's labels, a JSON object of strings (NULL: none).
                ALTER TABLE jobs ADD COLUMN tags TEXT;
                """)
        }
        migrator.registerMigration("5-idempotency-and-dedup") { db in
            try db.execute(sql: """
                -- One queued or running job per dedup key: a second insert conflicts.
                ALTER TABLE jobs ADD COLUMN dedup_key TEXT;
                CREATE UNIQUE INDEX jobs_active_by_dedup_key ON jobs(dedup_key)
                    WHERE dedup_key IS NOT NULL AND status IN ('queued', 'started');
                CREATE TABLE idempotency_keys (
                    owner TEXT NOT NULL,
                    key_hash TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    job_id TEXT NOT NULL,
                    expires_at REAL NOT NULL,
                    PRIMARY KEY (owner, key_hash)
                );
                CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys(expires_at);
                """)
        }
        migrator.registerMigration("6-batches") { db in
            try db.execute(sql: """
                ALTER TABLE jobs ADD COLUMN batch_id TEXT;
                ALTER TABLE jobs ADD COLUMN batch_index INTEGER;
                CREATE INDEX jobs_by_batch ON jobs(batch_id, batch_index) WHERE batch_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("7-webhooks") { db in
            try db.execute(sql: """
                CREATE TABLE webhook_deliveries (
                    job_id TEXT PRIMARY KEY,
                    url TEXT NOT NULL,
                    secret BLOB,
                    microversion TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL DEFAULT 0,
                    last_error TEXT,
                    last_attempt_at REAL,
                    delivered_at REAL
                );
                CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
                """)
        }
        return migrator
    }
}
