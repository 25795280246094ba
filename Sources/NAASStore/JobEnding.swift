import Foundation
import NAASCore

/// How a started job's row ends for an outcome: the same in every engine.
struct JobEnding: Sendable {
    let status: JobStatus
    /// The encoded output of a job that succeeded.
    let output: String?
    let error: String?
    let errorCode: String?
    /// How long the result is kept from now.
    let retention: TimeInterval

    init(_ outcome: JobOutcome, retention policy: RetentionPolicy) throws {
        switch outcome {
        case .succeeded(let result):
            (status, output, error, errorCode) = (.finished, try JobOutputCoding.encode(result), nil, nil)
        case .deviceFailed(let failure):
            (status, output, error, errorCode) = (.finished, nil, failure.message, failure.code.rawValue)
        case .crashed(let message):
            (status, output, error, errorCode) = (.failed, nil, message, nil)
        }
        retention = (status == .finished && errorCode == nil) ? policy.succeeded : policy.failed
    }
}
