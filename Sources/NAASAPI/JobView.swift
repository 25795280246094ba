import Foundation
import NAASCore

/// How a job looks on the wire. v1 is frozen in the NAAS v1 shape; v2 is
/// built in its newest shape and taken back to older microversions by the
/// contract's version changes.
enum JobView {
    /// Which result route reads the job: any job can be read through either,
    /// as command and configuration jobs can be read through each other's.
    enum ResultRoute {
        /// `send_command`, `send_config`: every command's raw output.
        case plain
        /// `send_command_structured`: records where parsing gave some, and on v2 the parse errors.
        case structured
    }

    static func result(_ job: JobRecord, major: MajorVersion.ID, route: ResultRoute = .plain) -> JSONValue {
        var fields: [String: JSONValue] = [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "results": route == .structured ? StructuredResultView.results(job.output) : results(job.output),
            "error": JSONValue(job.error),
            "error_code": JSONValue(job.errorCode?.rawValue),
            "enqueued_at": JSONValue(job.createdAt),
            "started_at": JSONValue(job.startedAt),
            "ended_at": JSONValue(job.endedAt),
        ]
        switch major {
        case .v1:
            fields["error_code"] = JSONValue(job.errorCode.map(v1ErrorCode)?.rawValue)
            fields["app"] = .string(ServiceInfo.name)
            fields["version"] = .string(ServiceInfo.version)
            // No `detected_platform` nor `parse_errors`: v1's documented result forbids members it does not list.
        case .v2:
            fields["error_retryable"] = job.errorCode.map { .bool($0.isRetryable) } ?? .null
            fields["context"] = .string(job.context)
            fields["detected_platform"] = JSONValue(detectedPlatform(job.output))
            fields["tags"] = tags(job.tags)
            if route == .structured { fields["parse_errors"] = StructuredResultView.parseErrors(job.output) }
        }
        return .object(fields)
    }

    /// v1 is frozen: codes added since are shown as the v1 code nearest in meaning. A circuit-breaker stop
    /// was a refused connection before the breaker existed; a failed autodetect, a failed SSH conversation.
    /// Exhaustive on purpose, so a new code cannot reach v1 without a decision here.
    static func v1ErrorCode(_ code: DeviceErrorCode) -> DeviceErrorCode {
        switch code {
        case .circuitOpen: .connectionRefused
        case .autodetectFailed: .sshError
        case .authFailure, .connectionTimeout, .connectionRefused, .readTimeout, .configRejected, .sshError: code
        }
    }

    static func detectedPlatform(_ output: JobOutput?) -> String? {
        switch output {
        case .commands(_, let detected)?, .structured(_, let detected)?: detected
        case .config?, nil: nil
        }
    }

    /// The v2 202 body, with NAAS's `queue_position` (1 runs next; 0 when it already left the queue),
    /// `enqueued_at` and `timeout`: the seconds the device may take at most, its connect timeout
    /// plus its read timeout for each line.
    /// How a 202 came about: a new job, or one that existed already (2.11).
    enum Acceptance: Sendable, Equatable {
        case new
        /// The same `Idempotency-Key` and request came before.
        case idempotent
        /// An identical job of the caller is still queued or running.
        case deduplicated
    }

    static func accepted(
        _ id: String, spec: JobSpec, queuePosition: Int, at enqueuedAt: Date, acceptance: Acceptance = .new
    ) -> JSONValue {
        guard case .object(var fields) = accepted(id, major: .v2) else { return accepted(id, major: .v2) }
        fields["idempotent"] = .bool(acceptance == .idempotent)
        fields["deduplicated"] = .bool(acceptance == .deduplicated)
        fields["queue_position"] = .int(queuePosition)
        fields["enqueued_at"] = JSONValue(enqueuedAt)
        fields["timeout"] = .int(Int((spec.connectTimeout + spec.readTimeout * Double(max(spec.lines.count, 1))).rounded(.up)))
        return .object(fields)
    }

    static func tags(_ tags: [String: String]) -> JSONValue {
        .object(tags.mapValues { .string($0) })
    }

    /// An entry of the dead-letter list.
    static func failure(_ job: JobSummary) -> JSONValue {
        [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "context": .string(job.context),
            "host": JSONValue(job.target?.host),
            "platform": JSONValue(job.target?.platform),
            "port": job.target.map { .int($0.port) } ?? .null,
            "created_at": JSONValue(job.createdAt),
            "failed_at": JSONValue(job.endedAt),
            "error": JSONValue(job.error),
            "error_code": JSONValue(job.errorCode?.rawValue),
            "error_retryable": job.errorCode.map { .bool($0.isRetryable) } ?? .null,
            "tags": tags(job.tags),
        ]
    }

    static func accepted(_ id: String, major: MajorVersion.ID) -> JSONValue {
        switch major {
        case .v1:
            ["job_id": .string(id), "message": "Job enqueued", "app": .string(ServiceInfo.name), "version": .string(ServiceInfo.version)]
        case .v2:
            ["job_id": .string(id), "status": "queued", "message": "Job enqueued"]
        }
    }

    static func summary(_ job: JobSummary, major: MajorVersion.ID) -> JSONValue {
        var fields: [String: JSONValue] = [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "created_at": JSONValue(job.createdAt),
            "ended_at": JSONValue(job.endedAt),
        ]
        if major == .v2 {
            fields["context"] = .string(job.context)
            fields["tags"] = tags(job.tags)
        }
        return .object(fields)
    }

    static func results(_ output: JobOutput?) -> JSONValue {
        switch output {
        case .none: .null
        case .commands(let outputs, _):
            .object(Dictionary(outputs.map { ($0.command, JSONValue.string($0.output)) }, uniquingKeysWith: { _, last in last }))
        // A structured job read through a plain route is what a command job would show: raw output.
        case .structured(let outputs, _):
            .object(Dictionary(outputs.map { ($0.command, JSONValue.string($0.output)) }, uniquingKeysWith: { _, last in last }))
        case .config(let transcript): ["config_set_output": .string(transcript)]
        }
    }
}
