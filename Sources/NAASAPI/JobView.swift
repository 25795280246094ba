import NAASCore

/// How a job looks on the wire (NAAS v1 shapes).
enum JobView {
    static func result(_ job: JobRecord) -> JSONValue {
        [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "results": results(job.output),
            "error": JSONValue(job.error),
            "error_code": JSONValue(job.errorCode?.rawValue),
            "app": .string(ServiceInfo.name),
            "version": .string(ServiceInfo.version),
            "enqueued_at": JSONValue(job.createdAt),
            "started_at": JSONValue(job.startedAt),
            "ended_at": JSONValue(job.endedAt),
        ]
    }

    static func summary(_ job: JobRecord) -> JSONValue {
        [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "created_at": JSONValue(job.createdAt),
            "ended_at": JSONValue(job.endedAt),
        ]
    }

    static func results(_ output: JobOutput?) -> JSONValue {
        switch output {
        case .none: .null
        case .commands(let outputs):
            .object(Dictionary(outputs.map { ($0.command, JSONValue.string($0.output)) }, uniquingKeysWith: { _, last in last }))
        case .config(let transcript): ["config_set_output": .string(transcript)]
        }
    }
}
