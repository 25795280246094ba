import Foundation
import Logging
import NAASAPI
import NAASCore
import NAASDevice
import NAASStore
import NAASWebhooks
import NAASWorker
import ServiceLifecycle

/// A process of the service, ready to run: its store, its templates and its
/// workers, built from the options `serve` and `worker` share.
struct NodeRuntime {
    let logger: Logger
    let store: StoreOpening.Opened
    let dataDirectory: URL
    let templates: TemplateCatalogue
    let dispatcher: JobDispatcher
    /// The device sessions of this process's jobs, idle ones included.
    let sessions: SessionPool
    let capacity: Int
    let webhooks: WebhookSettings
    let webhookDeliverer: WebhookDeliverer

    /// The background services every process runs beside its own.
    var services: [any Service] {
        [
            dispatcher,
            RetentionSweeper(store: store.store, logger: Logger(label: "naas.retention")),
            LeaseReaper(store: store.store, logger: Logger(label: "naas.lease")),
            webhookDeliverer,
        ]
    }

    /// Device sessions at once by default: a session waiting on its device
    /// holds a socket and a few hundred kilobytes, not a thread.
    static let defaultSessions = 1000
    /// Descriptors kept free for the API's connections, the store and logs.
    static let descriptorsBesideSessions: UInt64 = 256

    /// Logging, the store, the templates and the dispatcher, in that order.
    /// `ownsEmbeddedStore`: this process alone runs the SQLite store's jobs,
    /// so whatever it left running when it last stopped died with it.
    static func start(_ options: NodeOptions, ownsEmbeddedStore: Bool) async throws -> NodeRuntime {
        try bootstrapLogging(options)
        let logger = Logger(label: "naas")
        let capacity = try setting(options.workers, ["NAAS_WORKERS"], default: NodeRuntime.defaultSessions)
        guard capacity >= 0 else { throw ValidationError("--workers must be 0 or more") }
        // Each session is a socket: the usual soft limit of 1,024 would cap them first.
        if let files = FileLimit.raiseToHardLimit(), UInt64(capacity) + Self.descriptorsBesideSessions > files {
            logger.warning("the open-file limit is too low for --workers sessions at once; sessions past it fail to connect", metadata: [
                "workers": "\(capacity)", "open_file_limit": "\(files)",
            ])
        }
        let grace = try setting(options.shutdownGrace, ["NAAS_SHUTDOWN_GRACE"], default: 30)
        guard grace >= 0 else { throw ValidationError("--shutdown-grace must be 0 or more seconds") }
        let lease = try setting(options.jobLease, ["NAAS_JOB_LEASE"], default: Int(JobDispatcher.defaultLease))
        guard lease >= 3 else { throw ValidationError("--job-lease must be at least 3 seconds (it is renewed every third of it)") }
        let dataDirectory = try StoreOpening.dataDirectory(options.dataDir)
        let retention = RetentionPolicy(
            succeeded: try setting(nil, ["JOB_TTL_SUCCESS"], default: 86_400.0),
            failed: try setting(nil, ["JOB_TTL_FAILED"], default: 604_800.0))
        let security = try SecurityConfiguration.settings()
        let workerContexts = try SecurityConfiguration.workerContexts(options.contexts, of: security)
        let store = try await StoreOpening.open(
            databaseURL: try StoreOpening.databaseURL(options.databaseURL), dataDirectory: dataDirectory,
            retention: retention, protection: try SecurityConfiguration.protection())
        logger.info("store opened", metadata: ["store": "\(store.isShared ? "postgresql" : "sqlite")", "location": "\(store.location)"])

        if ownsEmbeddedStore && !store.isShared {
            let interrupted = try await store.store.failInterruptedJobs(
                reason: "Interrupted: the server stopped while this job was running. It was not re-run because it may have partly completed; submit it again if needed.")
            for id in interrupted {
                logger.warning("job interrupted by a restart", metadata: ["request_id": "\(id)"])
            }
        }

        let templates = TemplateCatalogue.load(
            configured: options.templatesDir, environment: ProcessInfo.processInfo.environment,
            searchRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if let warning = templates.startupWarning {
            logger.warning("\(warning)")
        } else if let library = templates.library {
            logger.info("ntc-templates loaded", metadata: ["templates_dir": "\(library.directory.path)"])
        }

        let sessions = SessionPool(try sessionPoolSettings(options))
        let signal = QueueSignal()
        let algorithms: SSHAlgorithms = switchSetting(options.sshLegacy, "NAAS_SSH_LEGACY") ? .legacy : .modern
        let dispatcher = JobDispatcher(
            store: store.store, runner: DeviceJobRunner(algorithms: algorithms, sessions: sessions),
            outputParser: CommandOutputParser(library: templates.library), signal: signal,
            capacity: capacity, contexts: workerContexts, holding: switchSetting(options.holdJobs, "NAAS_HOLD_JOBS"),
            logger: Logger(label: "naas.worker"), lease: TimeInterval(lease), shutdownGrace: .seconds(grace))
        // Registered before the API listens, so the first submission finds its worker.
        try await dispatcher.register()
        let webhooks = try WebhookConfiguration.settings()
        let deliverer = try WebhookDeliverer(
            store: store.store, settings: webhooks, payload: WebhookView.payload(of:microversion:),
            logger: Logger(label: "naas.webhooks"))
        return NodeRuntime(
            logger: logger, store: store, dataDirectory: dataDirectory, templates: templates,
            dispatcher: dispatcher, sessions: sessions, capacity: capacity, webhooks: webhooks, webhookDeliverer: deliverer)
    }

    private static func sessionPoolSettings(_ options: NodeOptions) throws -> SessionPool.Settings {
        let perDevice = try setting(options.sessionsPerDevice, ["NAAS_SESSIONS_PER_DEVICE"], default: 2)
        guard perDevice >= 0 else { throw ValidationError("--sessions-per-device must be 0 (no reuse) or more") }
        let idle = try setting(options.sessionIdleTimeout, ["NAAS_SESSION_IDLE_TIMEOUT"], default: 60.0)
        guard idle > 0, idle <= 86_400 else { throw ValidationError("--session-idle-timeout must be more than 0 and at most 86400 seconds") }
        return SessionPool.Settings(idleTimeout: .milliseconds(Int(idle * 1000)), perDevice: perDevice)
    }

    private static func bootstrapLogging(_ options: NodeOptions) throws {
        let levelName = try setting(options.logLevel, ["NAAS_LOG_LEVEL", "LOG_LEVEL"], default: "info")
        guard let level = Logger.Level(loose: levelName) else { throw ValidationError("unknown log level \(levelName)") }
        // A quieter service log must not silently drop the audit trail: only an explicit setting does.
        let auditLevelName = try setting(options.auditLogLevel, ["NAAS_AUDIT_LOG_LEVEL"], default: min(level, .notice).rawValue)
        guard let auditLevel = Logger.Level(loose: auditLevelName) else {
            throw ValidationError("unknown audit log level \(auditLevelName)")
        }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: label == AuditLog.label ? auditLevel : level) }
    }
}
