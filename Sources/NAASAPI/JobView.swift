import NAASCore

/// How a job looks on the wire. v1 is frozen in the NAAS v1 shape; v2 is
/// built in its newest shape and taken back to older microversions by the
/// contract's version changes.
enum JobView {
    static func result(_ job: JobRecord, major: MajorVersion.ID) -> JSONValue {
        var fields: [String: JSONValue] = [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "results": results(job.output),
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
            // No `detected_platform`: v1's documented result forbids members it does not list.
        case .v2:
            fields["error_retryable"] = job.errorCode.map { .bool($0.isRetryable) } ?? .null
            fields["context"] = .string(job.context)
            fields["detected_platform"] = JSONValue(detectedPlatform(job.output))
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
        if case .commands(_, let detected)? = output { detected } else { nil }
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
        if major == .v2 { fields["context"] = .string(job.context) }
        return .object(fields)
    }

    static func results(_ output: JobOutput?) -> JSONValue {
        switch output {
        case .none: .null
        case .commands(let outputs, _):
            .object(Dictionary(outputs.map { ($0.command, JSONValue.string($0.output)) }, uniquingKeysWith: { _, last in last }))
        case .config(let transcript): ["config_set_output": .string(transcript)]
        }
    }
}
