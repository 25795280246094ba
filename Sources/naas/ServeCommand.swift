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

/// `naas serve`: the API and, unless `--workers 0`, workers, in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTPS API and the workers, on the embedded SQLite store or a shared PostgreSQL one."
    )

    @Option(help: "Address to listen on (NAAS_HOST; default 0.0.0.0).") var host: String?
    @Option(help: "Port to listen on (NAAS_PORT; default 8443).") var port: Int?
    @Flag(help: "Serve plain HTTP, for use behind a TLS-terminating proxy (NAAS_HTTP=1).") var http = false
    @Option(help: "PEM certificate to serve instead of the self-signed one (NAAS_TLS_CERT).") var tlsCert: String?
    @Option(help: "PEM private key for --tls-cert (NAAS_TLS_KEY).") var tlsKey: String?
    @OptionGroup var node: NodeOptions

    func run() async throws {
        let runtime = try await NodeRuntime.start(node, ownsEmbeddedStore: true)
        let logger = runtime.logger
        let host = try setting(host, ["NAAS_HOST"], default: "0.0.0.0")
        let port = try setting(port, ["NAAS_PORT"], default: 8443)
        let security = try SecurityConfiguration.settings()
        let dispatcher = runtime.dispatcher
        let environment = APIEnvironment(
            store: runtime.store.store, security: security, workers: { dispatcher.snapshot },
            contract: APIContract(lifecycle: try lifecycle()),
            documents: try OpenAPIDocuments.bundled(),
            docPage: APIDocPage(swaggerUIDirectory: APIDocPage.locateSwaggerUI(
                environment: ProcessInfo.processInfo.environment,
                searchRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))),
            // An API-only process (`--workers 0`) has no device sessions to show.
            metrics: RequestMetrics(sources: runtime.capacity > 0 ? [runtime.sessions] : []),
            templates: runtime.templates,
            watch: try watchSettings(),
            reuse: try reuseSettings(),
            batches: BatchSettings(
                maxDevices: try setting(nil, ["BATCH_MAX_DEVICES"], default: BatchSettings().maxDevices),
                maxLines: try setting(nil, ["BATCH_MAX_COMMANDS"], default: BatchSettings().maxLines)),
            webhooks: runtime.webhooks)
        let router = APIRouter.build(environment, logger: Logger(label: "naas.api"))

        let plainHTTP = switchSetting(http, "NAAS_HTTP")
        let server: HTTPServerBuilder
        let scheme: String
        if plainHTTP {
            server = .http1()
            scheme = "http"
        } else {
            let identity = try tlsIdentity(dataDirectory: runtime.dataDirectory, logger: logger)
            server = try .tls(.http1(), tlsConfiguration: identity.serverConfiguration())
            scheme = "https"
        }
        let app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "naas"),
            services: runtime.services,
            onServerRunning: { _ in
                logger.info("naas is listening", metadata: [
                    "url": "\(scheme)://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)",
                    "workers": "\(runtime.capacity)", "data_dir": "\(runtime.dataDirectory.path)",
                ])
            },
            logger: Logger(label: "naas.http"))
        try await app.runService()
        await runtime.store.close()
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

    /// Limits of job streams and long polls.
    private func watchSettings() throws -> JobWatchSettings {
        let defaults = JobWatchSettings()
        return JobWatchSettings(
            maxStreams: try setting(nil, ["STREAM_MAX_CONNECTIONS"], default: defaults.maxStreams),
            streamTimeout: .seconds(try setting(nil, ["STREAM_TIMEOUT"], default: 300.0)),
            maxWaitSeconds: try setting(nil, ["RESULT_WAIT_MAX"], default: defaults.maxWaitSeconds))
    }

    private func reuseSettings() throws -> JobReuseSettings {
        let defaults = JobReuseSettings()
        let dedup = ProcessInfo.processInfo.environment["JOB_DEDUP_ENABLED"]?.lowercased() ?? ""
        guard ["", "1", "true", "yes", "on", "0", "false", "no", "off"].contains(dedup) else {
            throw ValidationError("JOB_DEDUP_ENABLED=\(dedup) is not a valid value: use true or false")
        }
        return JobReuseSettings(
            idempotencyLifetime: try setting(nil, ["IDEMPOTENCY_TTL"], default: defaults.idempotencyLifetime),
            deduplicates: !["0", "false", "no", "off"].contains(dedup))
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
