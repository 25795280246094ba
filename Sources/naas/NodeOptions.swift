import ArgumentParser

/// What `serve` and `worker` share: where the store is, how the workers run,
/// how devices are reached, and how the process logs and stops.
struct NodeOptions: ParsableArguments {
    @Option(help: "Directory for the store, keys and certificate (NAAS_DATA_DIR; default ./data).") var dataDir: String?
    @Option(help: "A PostgreSQL store shared by several processes, postgres://user:password@host:port/database (NAAS_DATABASE_URL; default: SQLite in --data-dir). Needs NAAS_ENCRYPTION_KEY.")
    var databaseURL: String?
    @Option(help: "Device sessions (jobs) run at once; 0 runs no workers (NAAS_WORKERS; default 1000).") var workers: Int?
    @Option(help: "Idle sessions kept per device for the next job with the same login; 0 turns session reuse off (NAAS_SESSIONS_PER_DEVICE; default 2).")
    var sessionsPerDevice: Int?
    @Option(help: "Seconds an idle device session is kept before it is closed (NAAS_SESSION_IDLE_TIMEOUT; default 60).")
    var sessionIdleTimeout: Double?
    @Option(help: "trace, debug, info, notice, warning, error, critical (NAAS_LOG_LEVEL or LOG_LEVEL; default info).") var logLevel: String?
    @Option(help: "Level of the naas.audit log (NAAS_AUDIT_LOG_LEVEL; default: --log-level, but never above notice, where security events are).") var auditLogLevel: String?
    @Flag(help: "Offer legacy SSH algorithms: group14-sha1, ssh-rsa, aes-cbc, hmac-sha1 (NAAS_SSH_LEGACY=1).") var sshLegacy = false
    @Option(help: "Comma-separated contexts this process's workers serve (NAAS_WORKER_CONTEXTS; default all of NAAS_CONTEXTS).") var contexts: String?
    @Flag(help: "Workers accept jobs for their contexts but start none, for a maintenance window (NAAS_HOLD_JOBS=1).") var holdJobs = false
    @Option(help: "ntc-templates' templates folder, for structured jobs (NAAS_TEMPLATES_DIR, NTC_TEMPLATES_DIR; default: ntc_templates in ./.venv).") var templatesDir: String?
    @Option(help: "Seconds running jobs get to finish after SIGTERM; the rest then end failed (NAAS_SHUTDOWN_GRACE; default 30).") var shutdownGrace: Int?
    @Option(help: "Seconds a running job's claim holds without renewal; a worker silent that long is taken for lost and its jobs fail (NAAS_JOB_LEASE; default 15).")
    var jobLease: Int?
}
