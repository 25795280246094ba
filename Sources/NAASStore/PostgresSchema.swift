import Foundation
import PostgresNIO

/// The PostgreSQL schema, as numbered migrations. Every process applies what
/// is missing when it opens the store, one at a time: the first holds an
/// advisory lock for the whole transaction, the others wait for it and then
/// find nothing left to do. A database migrated by a newer release keeps
/// working with this one as long as those migrations only added to the schema.
enum PostgresSchema {
    struct Migration: Sendable {
        let version: Int
        let name: String
        /// One statement each: the extended query protocol takes no more.
        let statements: [String]
    }

    /// The key of the advisory lock around migrations (the bytes of "naas" and 1).
    static let migrationLock: Int64 = 0x6E61_6173_0000_0001

    static let migrations: [Migration] = [
        Migration(version: 1, name: "jobs, keys, protection and workers", statements: [
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE jobs (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                owner TEXT NOT NULL,
                context TEXT NOT NULL DEFAULT 'default',
                status TEXT NOT NULL,
                spec TEXT NOT NULL,
                credentials BYTEA,
                output TEXT,
                error TEXT,
                error_code TEXT,
                -- The salted hash of the Basic username that submitted the job, for user lockouts.
                login_subject TEXT,
                -- Who submitted it, as the audit log names callers (never a secret).
                submitted_by TEXT,
                -- The worker that claimed it, and when that claim lapses unless renewed (NULL: held until it ends).
                worker TEXT,
                lease_expires_at DOUBLE PRECISION,
                created_at DOUBLE PRECISION NOT NULL,
                started_at DOUBLE PRECISION,
                ended_at DOUBLE PRECISION,
                expires_at DOUBLE PRECISION
            )
            """,
            "CREATE INDEX jobs_by_status ON jobs (status, seq)",
            "CREATE INDEX jobs_by_context ON jobs (status, context, seq)",
            "CREATE INDEX jobs_by_owner ON jobs (owner, seq)",
            "CREATE INDEX jobs_by_expiry ON jobs (expires_at) WHERE expires_at IS NOT NULL",
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                prefix TEXT NOT NULL,
                role TEXT NOT NULL,
                contexts TEXT NOT NULL,
                name TEXT,
                created_by TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                lifetime DOUBLE PRECISION,
                expires_at DOUBLE PRECISION,
                revoked_at DOUBLE PRECISION
            )
            """,
            """
            CREATE TABLE workers (
                id TEXT PRIMARY KEY,
                contexts TEXT NOT NULL,
                capacity BIGINT NOT NULL,
                heartbeat_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE circuits (
                device TEXT PRIMARY KEY,
                failures BIGINT NOT NULL,
                state TEXT NOT NULL,
                retry_at DOUBLE PRECISION
            )
            """,
            "CREATE TABLE failures (scope TEXT NOT NULL, subject TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)",
            "CREATE INDEX failures_by_subject ON failures (scope, subject, at)",
            """
            CREATE TABLE lockouts (
                scope TEXT NOT NULL,
                subject TEXT NOT NULL,
                until DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (scope, subject)
            )
            """,
            """
            CREATE TABLE rate_windows (
                subject TEXT PRIMARY KEY,
                window_start DOUBLE PRECISION NOT NULL,
                count BIGINT NOT NULL
            )
            """,
        ]),
        Migration(version: 2, name: "job tags", statements: [
            // The submitter's labels; a listing filters on them with `@>`, which the GIN index answers.
            "ALTER TABLE jobs ADD COLUMN tags JSONB",
            "CREATE INDEX jobs_by_tags ON jobs USING GIN (tags) WHERE tags IS NOT NULL",
        ]),
        Migration(version: 3, name: "idempotency keys and deduplication", statements: [
            "ALTER TABLE jobs ADD COLUMN dedup_key TEXT",
            """
            CREATE UNIQUE INDEX jobs_active_by_dedup_key ON jobs(dedup_key)
                WHERE dedup_key IS NOT NULL AND status IN ('queued', 'started')
            """,
            """
            CREATE TABLE idempotency_keys (
                owner TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                job_id TEXT NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (owner, key_hash)
            )
            """,
            "CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys(expires_at)",
        ]),
        Migration(version: 4, name: "batches", statements: [
            "ALTER TABLE jobs ADD COLUMN batch_id TEXT",
            "ALTER TABLE jobs ADD COLUMN batch_index INTEGER",
            "CREATE INDEX jobs_by_batch ON jobs(batch_id, batch_index) WHERE batch_id IS NOT NULL",
        ]),
        Migration(version: 5, name: "webhooks", statements: [
            """
            CREATE TABLE webhook_deliveries (
                job_id TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                secret BYTEA,
                microversion TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at DOUBLE PRECISION NOT NULL DEFAULT 0,
                last_error TEXT,
                last_attempt_at DOUBLE PRECISION,
                delivered_at DOUBLE PRECISION
            )
            """,
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending'",
        ]),
    ]

    /// Applies the migrations this database lacks, in one transaction; returns their versions.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at DOUBLE PRECISION NOT NULL
                )
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
                .decode(Int.self) {
                applied.insert(version)
            }
            var appliedNow: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(migration.version), \(migration.name), \(Date().timeIntervalSince1970))
                    """, logger: logger)
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
    }

    /// The versions this database has applied, in order.
    static func appliedVersions(_ connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        var versions: [Int] = []
        for try await version in try await connection.query("SELECT version FROM schema_migrations ORDER BY version", logger: logger)
            .decode(Int.self) {
            versions.append(version)
        }
        return versions
    }
}
