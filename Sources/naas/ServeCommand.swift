import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NAASAPI
import NAASCore
import NAASDevice
import NAASStore
import NAASWorker
import ServiceLifecycle

/// `naas serve`: API, embedded store and workers in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTPS API, the embedded SQLite store and the workers in one process."
    )

    @Option(help: "Address to listen on (NAAS_HOST; default 0.0.0.0).") var host: String?
    @Option(help: "Port to listen on (NAAS_PORT; default 8443).") var port: Int?
    @Option(help: "Directory for the store, keys and certificate (NAAS_DATA_DIR; default ./data).") var dataDir: String?
    @Option(help: "Jobs run at once; 0 runs no workers (NAAS_WORKERS; default 8).") var workers: Int?
    @Flag(help: "Serve plain HTTP, for use behind a TLS-terminating proxy (NAAS_HTTP=1).") var http = false
    @Option(help: "PEM certificate to serve instead of the self-signed one (NAAS_TLS_CERT).") var tlsCert: String?
    @Option(help: "PEM private key for --tls-cert (NAAS_TLS_KEY).") var tlsKey: String?
    @Option(help: "trace, debug, info, notice, warning, error, critical (NAAS_LOG_LEVEL or LOG_LEVEL; default info).") var logLevel: String?
    @Option(help: "Level of the naas.audit log (NAAS_AUDIT_LOG_LEVEL; default: --log-level, but never above notice, where security events are).") var auditLogLevel: String?
    @Flag(help: "Offer legacy SSH algorithms: group14-sha1, ssh-rsa, aes-cbc, hmac-sha1 (NAAS_SSH_LEGACY=1).") var sshLegacy = false
    @Option(help: "Comma-separated contexts this process's workers serve (NAAS_WORKER_CONTEXTS; default all of NAAS_CONTEXTS).") var contexts: String?
    @Flag(help: "Workers accept jobs for their contexts but start none, for a maintenance window (NAAS_HOLD_JOBS=1).") var holdJobs = false
    @Option(help: "ntc-templates' templates folder, for structured jobs (NAAS_TEMPLATES_DIR, NTC_TEMPLATES_DIR; default: ntc_templates in ./.venv).") var templatesDir: String?

    func run() async throws {
        let levelName = try setting(logLevel, ["NAAS_LOG_LEVEL", "LOG_LEVEL"], default: "info")
        guard let level = Logger.Level(loose: levelName) else { throw ValidationError("unknown log level \(levelName)") }
        // A quieter service log must not silently drop the audit trail: only an explicit setting does.
        let auditLevelName = try setting(auditLogLevel, ["NAAS_AUDIT_LOG_LEVEL"], default: min(level, .notice).rawValue)
        guard let auditLevel = Logger.Level(loose: auditLevelName) else {
            throw ValidationError("unknown audit log level \(auditLevelName)")
        }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: label == AuditLog.label ? auditLevel : level) }
        let logger = Logger(label: "naas")

        let host = try setting(host, ["NAAS_HOST"], default: "0.0.0.0")
        let port = try setting(port, ["NAAS_PORT"], default: 8443)
        let capacity = try setting(workers, ["NAAS_WORKERS"], default: 8)
        let dataDirectory = try StoreOpening.dataDirectory(dataDir)
        let retention = RetentionPolicy(
            succeeded: try setting(nil, ["JOB_TTL_SUCCESS"], default: 86_400.0),
            failed: try setting(nil, ["JOB_TTL_FAILED"], default: 604_800.0))
        guard capacity >= 0 else { throw ValidationError("--workers must be 0 or more") }
        let security = try SecurityConfiguration.settings()
        let workerContexts = try SecurityConfiguration.workerContexts(contexts, of: security)
        let store = try StoreOpening.open(
            dataDirectory: dataDirectory, retention: retention, protection: try SecurityConfiguration.protection())

        // This process owns the embedded store: whatever was running when it last stopped died with it.
        let interrupted = try await store.failInterruptedJobs(
            reason: "Interrupted: the server stopped while this job was running. It was not re-run because it may have partly completed; submit it again if needed.")
        for id in interrupted {
            logger.warning("job interrupted by a restart", metadata: ["request_id": "\(id)"])
        }

        let templates = TemplateCatalogue.load(
            configured: templatesDir, environment: ProcessInfo.processInfo.environment,
            searchRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if let warning = templates.startupWarning {
            logger.warning("\(warning)")
        } else if let library = templates.library {
            logger.info("ntc-templates loaded", metadata: ["templates_dir": "\(library.directory.path)"])
        }

        let signal = QueueSignal()
        let algorithms: SSHAlgorithms = switchSetting(sshLegacy, "NAAS_SSH_LEGACY") ? .legacy : .modern
        let dispatcher = JobDispatcher(
            store: store, runner: DeviceJobRunner(algorithms: algorithms),
            outputParser: CommandOutputParser(library: templates.library), signal: signal,
            capacity: capacity, contexts: workerContexts, holding: switchSetting(holdJobs, "NAAS_HOLD_JOBS"),
            logger: Logger(label: "naas.worker"))
        // Registered before the API listens, so the first submission finds its worker.
        try await dispatcher.register()
        let environment = APIEnvironment(
            store: store, security: security, signal: signal, workers: { dispatcher.snapshot },
            contract: APIContract(lifecycle: try lifecycle()),
            documents: try OpenAPIDocuments.bundled(),
            docPage: APIDocPage(swaggerUIDirectory: APIDocPage.locateSwaggerUI(
                environment: ProcessInfo.processInfo.environment,
                searchRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))),
            templates: templates)
        let router = APIRouter.build(environment, logger: Logger(label: "naas.api"))

        let plainHTTP = switchSetting(http, "NAAS_HTTP")
        let server: HTTPServerBuilder
        let scheme: String
        if plainHTTP {
            server = .http1()
            scheme = "http"
        } else {
            let identity = try tlsIdentity(dataDirectory: dataDirectory, logger: logger)
            server = try .tls(.http1(), tlsConfiguration: identity.serverConfiguration())
            scheme = "https"
        }
        let app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "naas"),
            services: [dispatcher, RetentionSweeper(store: store, logger: Logger(label: "naas.retention"))],
            onServerRunning: { _ in
                logger.info("naas is listening", metadata: [
                    "url": "\(scheme)://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)",
                    "workers": "\(capacity)", "data_dir": "\(dataDirectory.path)",
                ])
            },
            logger: Logger(label: "naas.http"))
        try await app.runService()
    }

    /// v1's deprecation and sunset dates (ISO 8601), e.g. to extend the sunset.
    private func lifecycle() throws -> APIContract.Lifecycle {
        let defaults = APIContract.Lifecycle.defaults
        func date(_ variable: String, _ fallback: Date) throws -> Date {
            guard let raw = ProcessInfo.processInfo.environment[variable], !raw.isEmpty else { return fallback }
            if let full = try? Date(raw, strategy: .iso8601) { return full }
            if let day = try? Date(raw + "T00:00:00Z", strategy: .iso8601) { return day }
            throw ValidationError("\(variable)=\(raw) is not an ISO 8601 date (e.g. 2027-01-01)")
        }
        return APIContract.Lifecycle(
            v1DeprecatedAt: try date("NAAS_V1_DEPRECATED_AT", defaults.v1DeprecatedAt),
            v1SunsetAt: try date("NAAS_V1_SUNSET_AT", defaults.v1SunsetAt),
            deprecationDocs: ProcessInfo.processInfo.environment["NAAS_DEPRECATION_DOCS_URL"] ?? defaults.deprecationDocs)
    }

    private func tlsIdentity(dataDirectory: URL, logger: Logger) throws -> TLSIdentity {
        let cert = try setting(tlsCert, ["NAAS_TLS_CERT"], default: "")
        let key = try setting(tlsKey, ["NAAS_TLS_KEY"], default: "")
        switch (cert.isEmpty, key.isEmpty) {
        case (false, false): return TLSIdentity(certificatePath: cert, keyPath: key)
        case (true, true):
            let (identity, created) = try TLSIdentity.selfSigned(in: dataDirectory, hostNames: [])
            if created { logger.notice("self-signed TLS certificate created", metadata: ["path": "\(identity.certificatePath)"]) }
            return identity
        default: throw ValidationError("--tls-cert and --tls-key go together")
        }
    }
}
