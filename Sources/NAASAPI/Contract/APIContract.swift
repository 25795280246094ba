import NAASCore
import Foundation

/// The API contract, declared once: majors and their lifecycle, every
/// operation and its paths, and the ordered microversion changes. Routing,
/// headers, discovery, the version history and the tests all read it.
public struct APIContract: Sendable {
    /// The lowest v2 microversion: what a client gets without `NAAS-API-Version`.
    public static let v2Minimum = Microversion(2, 0)

    /// Every v2 contract change, oldest first. Adding a microversion is adding
    /// an entry here and the matching change to `openapi/v2.yaml`.
    public static let changes: [VersionChange] = [
        VersionChange(
            id: "job-error-codes",
            microversion: Microversion(2, 1),
            description: "Job results carry `error_code` (why the device refused the job, e.g. `AUTH_FAILURE`) "
                + "and `error_retryable` (whether the same job may succeed if sent again).",
            operations: [.commandResult, .configResult],
            downgradeResponse: { $0.removingKeys(["error_code", "error_retryable"]) }
        ),
    ]

    /// The highest v2 microversion: the newest change's.
    public static var v2Maximum: Microversion {
        changes.map(\.microversion).max() ?? v2Minimum
    }

    public static let operations: [ContractOperation] = [
        ContractOperation(.submitCommand, .post, v1: "/v1/send_command", legacy: "/send_command", v2: "/v2/send-command"),
        ContractOperation(.submitConfig, .post, v1: "/v1/send_config", legacy: "/send_config", v2: "/v2/send-config"),
        ContractOperation(.commandResult, .get, v1: "/v1/send_command/{job_id}", legacy: "/send_command/{job_id}", v2: "/v2/send-command/{job_id}"),
        ContractOperation(.configResult, .get, v1: "/v1/send_config/{job_id}", legacy: "/send_config/{job_id}", v2: "/v2/send-config/{job_id}"),
        ContractOperation(.listJobs, .get, v1: "/v1/jobs", v2: "/v2/jobs"),
        ContractOperation(.cancelJob, .delete, v1: "/v1/jobs/{job_id}", v2: "/v2/jobs/{job_id}"),
        ContractOperation(.health, .get, v1: "/v1/healthcheck", v2: "/v2/healthcheck", unversioned: ["/healthcheck"]),
        ContractOperation(.versionEntry, .get, v1: "/v1/", v2: "/v2/"),
        ContractOperation(.versions, .get, unversioned: ["/versions"]),
        ContractOperation(.openAPIDocument, .get, v1: "/v1/openapi.json", v2: "/v2/openapi.json", unversioned: ["/apidoc/openapi.json"]),
        ContractOperation(.apiDocs, .get, unversioned: ["/apidoc"]),
        ContractOperation(.metrics, .get, unversioned: ["/metrics"]),
    ]

    /// Lifecycle dates and links that operators may change.
    public struct Lifecycle: Sendable, Equatable {
        public var v1DeprecatedAt: Date
        public var v1SunsetAt: Date
        /// Where `Link: <…>; rel="deprecation"` points: the human-readable migration notes.
        public var deprecationDocs: String

        public static let defaults = Lifecycle(
            v1DeprecatedAt: Date(timeIntervalSince1970: 1_775_520_000),  // 2026-04-07T00:00:00Z
            v1SunsetAt: Date(timeIntervalSince1970: 1_798_761_600),  // 2027-01-01T00:00:00Z
            deprecationDocs: "/apidoc#section/Deprecation")

        public init(v1DeprecatedAt: Date, v1SunsetAt: Date, deprecationDocs: String) {
            self.v1DeprecatedAt = v1DeprecatedAt
            self.v1SunsetAt = max(v1SunsetAt, v1DeprecatedAt)  // a sunset never precedes its deprecation
            self.deprecationDocs = deprecationDocs
        }
    }

    public let lifecycle: Lifecycle

    public init(lifecycle: Lifecycle = .defaults) {
        self.lifecycle = lifecycle
    }

    public func major(_ id: MajorVersion.ID) -> MajorVersion {
        switch id {
        case .v1:
            MajorVersion(id: .v1, microversions: nil, deprecatedAt: lifecycle.v1DeprecatedAt,
                         sunsetAt: lifecycle.v1SunsetAt, successor: .v2)
        case .v2:
            MajorVersion(id: .v2, microversions: Self.v2Minimum...Self.v2Maximum, deprecatedAt: nil,
                         sunsetAt: nil, successor: nil)
        }
    }

    public var majors: [MajorVersion] { MajorVersion.ID.allCases.map(major) }

    /// The changes a response must be taken back through for a client at `microversion`, newest first.
    public static func downgrades(for operation: OperationID, to microversion: Microversion) -> [VersionChange] {
        changes.filter { $0.microversion > microversion && $0.operations.contains(operation) }
            .sorted { $0.microversion > $1.microversion }
    }
}
