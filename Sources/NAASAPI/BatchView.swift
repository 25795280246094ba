import Foundation
import NAASCore
import NAASStore

/// How a batch looks on the wire: the 202 of its submission, and its state.
enum BatchView {
    /// Where a batch stands as a whole.
    enum Status: String {
        /// Some of its jobs are queued or running.
        case pending
        /// Every job succeeded.
        case complete
        /// Every job ended; some succeeded, some did not.
        case partialFailure = "partial_failure"
        /// Every job ended and none succeeded.
        case failed
    }

    /// A job that ended and did what it was asked: finished, and the device refused nothing.
    static func succeeded(_ job: JobRecord) -> Bool {
        job.status == .finished && job.errorCode == nil && job.error == nil
    }

    static func status(of jobs: [JobRecord]) -> Status {
        guard jobs.allSatisfy(\.status.isTerminal) else { return .pending }
        let succeeded = jobs.filter(succeeded).count
        if succeeded == jobs.count { return .complete }
        return succeeded == 0 ? .failed : .partialFailure
    }

    static func accepted(_ batchID: String, jobs: [(id: String, context: String, spec: JobSpec)], at enqueuedAt: Date) -> JSONValue {
        [
            "batch_id": .string(batchID),
            "status": .string(Status.pending.rawValue),
            "message": "Batch enqueued",
            "enqueued_at": JSONValue(enqueuedAt),
            "jobs": .array(jobs.map { job in
                [
                    "job_id": .string(job.id), "context": .string(job.context), "host": .string(job.spec.target.host),
                    "port": .int(job.spec.target.port), "platform": .string(job.spec.target.platform),
                ]
            }),
        ]
    }

    static func batch(_ batchID: String, jobs: [JobRecord], includeResults: Bool) -> JSONValue {
        let count = { (matches: (JobRecord) -> Bool) in JSONValue.int(jobs.filter(matches).count) }
        return [
            "batch_id": .string(batchID),
            "status": .string(status(of: jobs).rawValue),
            "created_at": JSONValue(jobs.map(\.createdAt).min()),
            "counts": [
                "total": .int(jobs.count),
                "queued": count { $0.status == .queued },
                "started": count { $0.status == .started },
                "succeeded": count(succeeded),
                "failed": count { $0.status.isTerminal && !succeeded($0) },
            ],
            "jobs": .array(jobs.map { entry($0, includeResults: includeResults) }),
        ]
    }

    private static func entry(_ job: JobRecord, includeResults: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "job_id": .string(job.id),
            "status": .string(job.status.rawValue),
            "context": .string(job.context),
            "host": .string(job.spec.target.host),
            "port": .int(job.spec.target.port),
            "platform": .string(job.spec.target.platform),
            "error": JSONValue(job.error),
            "error_code": JSONValue(job.errorCode?.rawValue),
            "ended_at": JSONValue(job.endedAt),
        ]
        if includeResults { fields["results"] = JobView.results(job.output) }
        return .object(fields)
    }
}
