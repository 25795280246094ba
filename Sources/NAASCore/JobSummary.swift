import Foundation

/// A job as a listing shows it: no spec and no output, so a page of jobs
/// never reads or decodes their results.
public struct JobSummary: Sendable, Equatable {
    public let id: String
    public let context: String
    public let status: JobStatus
    public let createdAt: Date
    public let endedAt: Date?
    /// The submitter's labels.
    public var tags: [String: String]
    /// Why it ended without success; nil otherwise.
    public var error: String?
    public var errorCode: DeviceErrorCode?
    /// The device it ran on (nil when its spec could not be read).
    public var target: DeviceTarget?

    public init(
        id: String, context: String, status: JobStatus, createdAt: Date, endedAt: Date?, tags: [String: String] = [:],
        error: String? = nil, errorCode: DeviceErrorCode? = nil, target: DeviceTarget? = nil
    ) {
        self.target = target
        self.tags = tags
        self.error = error
        self.errorCode = errorCode
        self.id = id
        self.context = context
        self.status = status
        self.createdAt = createdAt
        self.endedAt = endedAt
    }
}
