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
        VersionChange(
            id: "api-keys",
            microversion: Microversion(2, 2),
            description: "API keys: `POST/GET /v2/api-keys`, `DELETE /v2/api-keys/{key_id}` and "
                + "`POST /v2/api-keys/{key_id}/rotate` (admin role). Submissions take the device login as "
                + "`username` and `password` in the body when the caller authenticates with an API key.",
            operations: [.createAPIKey, .listAPIKeys, .revokeAPIKey, .rotateAPIKey, .submitCommand, .submitConfig],
            requestFields: ["username", "password"]
        ),
        VersionChange(
            id: "contexts",
            microversion: Microversion(2, 3),
            description: "Routing contexts: submissions take `context`; job results and job lists show it; "
                + "`GET /v2/contexts` lists the contexts the caller may use with their workers and queue depth.",
            operations: [.listContexts, .submitCommand, .submitConfig, .commandResult, .configResult, .listJobs],
            requestFields: ["context"],
            downgradeResponse: { $0.removingKeys(["context"]).removingKeys(["context"], inEachOf: "jobs") }
        ),
        VersionChange(
            id: "job-replay",
            microversion: Microversion(2, 4),
            description: "`POST /v2/jobs/{job_id}/replay` runs an ended job again as a new job, with the caller's credentials.",
            operations: [.replayJob]
        ),
        VersionChange(
            id: "circuit-open-error",
            microversion: Microversion(2, 5),
            description: "Jobs the circuit breaker stopped end with `error_code` `CIRCUIT_OPEN` "
                + "(before 2.5 they show `CONNECTION_REFUSED`).",
            operations: [.commandResult, .configResult],
            downgradeResponse: { $0.replacingValue(of: "error_code", .string("CIRCUIT_OPEN"), with: .string("CONNECTION_REFUSED")) }
        ),
        VersionChange(
            id: "platforms",
            microversion: stepRefusalSince,
            description: "`GET /v2/platforms` lists every platform the service drives: its name, aliases, Telnet names "
                + "and capabilities (enable, config, save, commit, telnet, autodetect). A configuration job with "
                + "`save_config: true` on a platform that has no save step, or `commit: true` on one without a commit "
                + "step, is refused with a 422 naming the field (before 2.6 the flag is ignored).",
            operations: [.listPlatforms, .submitConfig]
        ),
        VersionChange(
            id: "autodetect",
            microversion: Microversion(2, 7),
            description: "Job results carry `detected_platform`: the platform `\"platform\": \"autodetect\"` recognised "
                + "(null for a job that named its platform, or whose detection failed). A job whose device matched no "
                + "platform ends with `error_code` `AUTODETECT_FAILED` (before 2.7 it shows `SSH_ERROR`, "
                + "still with `error_retryable` false).",
            operations: [.commandResult, .configResult],
            downgradeResponse: {
                $0.removingKeys(["detected_platform"])
                    .replacingValue(of: "error_code", .string("AUTODETECT_FAILED"), with: .string("SSH_ERROR"))
            }
        ),
        VersionChange(
            id: "structured-output",
            microversion: structuredOutputSince,
            description: "`POST /v2/send-command-structured` runs show commands and parses each output with TextFSM: "
                + "the ntc-templates index for the job's platform, or the job's own `textfsm_template` (checked at "
                + "submission: a template that does not compile is a 422 naming its line). "
                + "`GET /v2/send-command-structured/{job_id}` gives each command's records, or its raw output where no "
                + "template applies or the template found nothing, and `parse_errors` for the commands whose parse failed. "
                + "`GET /v2/templates?platform=…` lists the commands ntc-templates parses on a platform. Without "
                + "ntc-templates on the server, a structured job without its own template, and `GET /v2/templates`, are a 503.",
            operations: [.submitStructuredCommand, .structuredCommandResult, .listTemplates]
        ),
        VersionChange(
            id: "job-streams",
            microversion: jobStreamsSince,
            description: "`GET /v2/jobs/{job_id}/stream` follows a job as server-sent events (`text/event-stream`): "
                + "`status` when it is queued, started and when it ends, then `result` (the body of its result route), "
                + "or `timeout` after `STREAM_TIMEOUT` seconds. Events carry ids 1 to 4, one per step, and a client that "
                + "reconnects with `Last-Event-ID` gets only the steps it missed. More than `STREAM_MAX_CONNECTIONS` open "
                + "streams on one server is a 429. The result routes take `?wait=N` (seconds, up to `RESULT_WAIT_MAX`): "
                + "the answer comes as soon as the job ends, or after N seconds with the job as it is then.",
            operations: [.streamJob, .commandResult, .configResult, .structuredCommandResult]
        ),
        VersionChange(
            id: "job-tags",
            microversion: jobTagsSince,
            description: "Submissions take `tags` (an object of at most 10 strings; keys and values 1 to 64 of letters, "
                + "digits, `_`, `-` and `:`); results and job lists show them, a replay keeps them, and `GET /v2/jobs` "
                + "takes `tag=key:value` filters (all must match, applied before paging). `GET /v2/jobs/failed` lists the "
                + "caller's jobs that ended without success (`failed`, or `finished` with an `error_code`), newest first, "
                + "with their device, error and error code. The 202 of a submission or replay carries `queue_position` "
                + "(1 runs next), `enqueued_at` and `timeout` (the most seconds the device may take).",
            operations: [
                .submitCommand, .submitConfig, .submitStructuredCommand, .replayJob, .commandResult, .configResult,
                .structuredCommandResult, .listJobs, .listFailedJobs,
            ],
            requestFields: ["tags"],
            downgradeResponse: { body in
                let untagged = body.removingKeys(["tags"]).removingKeys(["tags"], inEachOf: "jobs")
                // Only a 202 has a queue position; a result's `enqueued_at` is older than 2.10 and stays.
                guard case .object(let fields) = body, fields["queue_position"] != nil else { return untagged }
                return untagged.removingKeys(["queue_position", "enqueued_at", "timeout"])
            }
        ),
        VersionChange(
            id: "job-reuse",
            microversion: jobReuseSince,
            description: "Submissions take an `Idempotency-Key` header (or NAAS's `X-Idempotency-Key`; 1 to 255 visible "
                + "ASCII characters), kept per caller for `IDEMPOTENCY_TTL` seconds: the same key with the same request "
                + "answers the original job's id with `idempotent: true`; with a different request it is a 422 naming the "
                + "header; while the first request is still being processed, a 409. An identical job of the same caller "
                + "(same context, device, login and work) still queued or running answers its id with "
                + "`deduplicated: true` instead of a new job; `\"deduplicate\": false` in the body asks for a new job anyway. "
                + "Every 202 carries `idempotent` and `deduplicated`.",
            operations: [.submitCommand, .submitConfig, .submitStructuredCommand, .replayJob],
            requestFields: ["deduplicate"],
            downgradeResponse: { $0.removingKeys(["idempotent", "deduplicated"]) }
        ),
        VersionChange(
            id: "batches",
            microversion: batchesSince,
            description: "`POST /v2/send-command/batch` and `POST /v2/send-config/batch` queue one job per entry of "
                + "`devices` (`host`, and optionally `platform`, `port`, `username`, `password`, `enable`, `context`), each "
                + "with the fields the body shares (a device's own fields win), checked as a single submission is; at most "
                + "`BATCH_MAX_DEVICES` devices and `BATCH_MAX_COMMANDS` lines per device, else a 422 naming the limit. A batch "
                + "counts as one submission per device against the rate limits and is queued whole or not at all. "
                + "`GET /v2/batches/{batch_id}` gives its `status` (`pending`, `complete`, `partial_failure` or `failed`), "
                + "counts and each device's job, with results when asked for with `?include=results`.",
            operations: [.submitCommandBatch, .submitConfigBatch, .readBatch]
        ),
        VersionChange(
            id: "webhooks",
            microversion: webhooksSince,
            description: "Submissions and batches take `webhook_url` (https, or http where `WEBHOOK_ALLOW_HTTP` is set; "
                + "not resolving to a loopback, link-local or private address unless `WEBHOOK_ALLOW_PRIVATE` is set) and "
                + "`webhook_secret`. When the job ends its result, as its result route shows it at the submission's "
                + "microversion, is POSTed there; with a secret it carries `X-NAAS-Signature: t=<unix time>,v1=<hex "
                + "HMAC-SHA256 of the secret over \"<t>.\" and the exact bytes of the body>`. Failed deliveries are retried "
                + "with doubling waits, `WEBHOOK_MAX_RETRIES` attempts in all, each bounded by `WEBHOOK_TIMEOUT`; they are "
                + "stored with the job and survive restarts. Job results show `webhook`: its `url`, `status` "
                + "(`pending`, `delivered` or `failed`), `attempts`, `last_error`, `last_attempt_at` and `delivered_at`, "
                + "or null. A submission with a webhook is never answered by a duplicate job.",
            operations: [
                .submitCommand, .submitConfig, .submitStructuredCommand, .submitCommandBatch, .submitConfigBatch,
                .commandResult, .configResult, .structuredCommandResult,
            ],
            requestFields: ["webhook_url", "webhook_secret"],
            downgradeResponse: { $0.removingKeys(["webhook"]) }
        ),
        VersionChange(
            id: "session-reuse",
            microversion: sessionReuseSince,
            description: "Submissions and batches take `reuse_session` (default true). A job may run on an idle, logged-in "
                + "session an earlier job left to the same device, platform and transport with the same username, password "
                + "and enable secret, and leave its own session for the next one, on platforms whose prompt shows every state "
                + "a job can leave (all but `linux`). A session is kept only after a job that succeeded at the prompt it "
                + "started from, is checked at a fresh prompt before it is reused, and is closed after the server's `NAAS_SESSION_IDLE_TIMEOUT` "
                + "seconds idle; `\"reuse_session\": false` opens a session for the job alone and closes it after.",
            operations: [.submitCommand, .submitConfig, .submitStructuredCommand, .submitCommandBatch, .submitConfigBatch],
            requestFields: ["reuse_session"]
        ),
    ]

    /// The microversion that brought per-job control of device session reuse.
    public static let sessionReuseSince = Microversion(2, 14)

    /// The microversion that brought webhooks.
    public static let webhooksSince = Microversion(2, 13)

    /// The microversion that brought batches.
    public static let batchesSince = Microversion(2, 12)

    /// The microversion that brought idempotency keys and deduplication of submissions.
    public static let jobReuseSince = Microversion(2, 11)

    /// The microversion that brought job tags, the failed-jobs list and the queue position of a submission.
    public static let jobTagsSince = Microversion(2, 10)

    /// The microversion that brought job streams and `?wait=` on result routes.
    public static let jobStreamsSince = Microversion(2, 9)

    /// The microversion that brought structured output (TextFSM) to v2.
    public static let structuredOutputSince = Microversion(2, 8)

    /// From this microversion a configuration job asking for a save or commit step its platform lacks is a 422;
    /// older microversions promised the flag would be ignored, so they keep ignoring it.
    public static let stepRefusalSince = Microversion(2, 6)

    /// The highest v2 microversion: the newest change's.
    public static var v2Maximum: Microversion {
        changes.map(\.microversion).max() ?? v2Minimum
    }

    /// Every operation, its paths on each surface, and who may call it. The
    /// role column is the access-control table: routing enforces it, the
    /// documents carry it as `x-naas-role`, and the tests walk it.
    public static let operations: [ContractOperation] = [
        ContractOperation(.submitCommand, .post, .role(.operator, contextScoped: true),
                          v1: "/v1/send_command", legacy: "/send_command", v2: "/v2/send-command"),
        ContractOperation(.submitConfig, .post, .role(.operator, contextScoped: true),
                          v1: "/v1/send_config", legacy: "/send_config", v2: "/v2/send-config"),
        ContractOperation(.commandResult, .get, .role(.viewer, contextScoped: true),
                          v1: "/v1/send_command/{job_id}", legacy: "/send_command/{job_id}", v2: "/v2/send-command/{job_id}"),
        ContractOperation(.configResult, .get, .role(.viewer, contextScoped: true),
                          v1: "/v1/send_config/{job_id}", legacy: "/send_config/{job_id}", v2: "/v2/send-config/{job_id}"),
        ContractOperation(.submitStructuredCommand, .post, .role(.operator, contextScoped: true),
                          v1: "/v1/send_command_structured", v2: "/v2/send-command-structured", v2Since: structuredOutputSince),
        ContractOperation(.structuredCommandResult, .get, .role(.viewer, contextScoped: true),
                          v1: "/v1/send_command_structured/{job_id}", v2: "/v2/send-command-structured/{job_id}",
                          v2Since: structuredOutputSince),
        ContractOperation(.submitCommandBatch, .post, .role(.operator, contextScoped: true),
                          v2: "/v2/send-command/batch", v2Since: batchesSince),
        ContractOperation(.submitConfigBatch, .post, .role(.operator, contextScoped: true),
                          v2: "/v2/send-config/batch", v2Since: batchesSince),
        ContractOperation(.readBatch, .get, .role(.viewer, contextScoped: true), v2: "/v2/batches/{batch_id}", v2Since: batchesSince),
        ContractOperation(.listJobs, .get, .role(.viewer), v1: "/v1/jobs", v2: "/v2/jobs"),
        ContractOperation(.listFailedJobs, .get, .role(.operator), v2: "/v2/jobs/failed", v2Since: jobTagsSince),
        ContractOperation(.cancelJob, .delete, .role(.operator, contextScoped: true), v1: "/v1/jobs/{job_id}", v2: "/v2/jobs/{job_id}"),
        ContractOperation(.streamJob, .get, .role(.viewer, contextScoped: true),
                          v2: "/v2/jobs/{job_id}/stream", v2Since: jobStreamsSince),
        ContractOperation(.replayJob, .post, .role(.operator, contextScoped: true),
                          v2: "/v2/jobs/{job_id}/replay", v2Since: Microversion(2, 4)),
        ContractOperation(.listContexts, .get, .role(.viewer), v2: "/v2/contexts", v2Since: Microversion(2, 3)),
        ContractOperation(.listPlatforms, .get, .role(.viewer), v2: "/v2/platforms", v2Since: stepRefusalSince),
        ContractOperation(.listTemplates, .get, .role(.viewer), v2: "/v2/templates", v2Since: structuredOutputSince),
        ContractOperation(.createAPIKey, .post, .role(.admin), v2: "/v2/api-keys", v2Since: Microversion(2, 2)),
        ContractOperation(.listAPIKeys, .get, .role(.admin), v2: "/v2/api-keys", v2Since: Microversion(2, 2)),
        ContractOperation(.revokeAPIKey, .delete, .role(.admin, contextScoped: true), v2: "/v2/api-keys/{key_id}", v2Since: Microversion(2, 2)),
        ContractOperation(.rotateAPIKey, .post, .role(.admin, contextScoped: true), v2: "/v2/api-keys/{key_id}/rotate", v2Since: Microversion(2, 2)),
        ContractOperation(.health, .get, .public, v1: "/v1/healthcheck", v2: "/v2/healthcheck", unversioned: ["/healthcheck"]),
        ContractOperation(.versionEntry, .get, .public, v1: "/v1/", v2: "/v2/"),
        ContractOperation(.versions, .get, .public, unversioned: ["/versions"]),
        ContractOperation(.openAPIDocument, .get, .public, v1: "/v1/openapi.json", v2: "/v2/openapi.json", unversioned: ["/apidoc/openapi.json"]),
        ContractOperation(.apiDocs, .get, .public, unversioned: ["/apidoc"]),
        ContractOperation(.metrics, .get, .public, unversioned: ["/metrics"]),
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

    /// The request fields of `operation` that do not exist at `microversion`, with the microversion that added each.
    public static func unavailableRequestFields(for operation: OperationID, at microversion: Microversion) -> [String: Microversion] {
        var fields: [String: Microversion] = [:]
        for change in changes where change.microversion > microversion && change.operations.contains(operation) {
            for field in change.requestFields { fields[field] = change.microversion }
        }
        return fields
    }

    /// `body`, a response of `operation` in its newest shape, taken back change by change to `microversion`.
    static func present(_ body: JSONValue, _ operation: OperationID, at microversion: Microversion) -> JSONValue {
        downgrades(for: operation, to: microversion).reduce(body) { $1.downgradeResponse($0) }
    }

    /// The changes a response must be taken back through for a client at `microversion`, newest first.
    public static func downgrades(for operation: OperationID, to microversion: Microversion) -> [VersionChange] {
        changes.filter { $0.microversion > microversion && $0.operations.contains(operation) }
            .sorted { $0.microversion > $1.microversion }
    }
}
