import Foundation

/// A job as the store holds it and the API shows it.
public struct JobRecord: Sendable, Equatable {
    public let id: String
    public let owner: String
    /// The routing context: only workers serving it run the job.
    public let context: String
    public let spec: JobSpec
    public var status: JobStatus
    public var output: JobOutput?
    public var error: String?
    public var errorCode: DeviceErrorCode?
    public let createdAt: Date
    public var startedAt: Date?
    public var endedAt: Date?
    /// The submitter's labels.
    public var tags: [String: String]
    /// Whether a webhook was registered for the job, when the store read that
    /// along with the job; nil when it did not (ask the store).
    public var hasWebhook: Bool?

    public init(
        id: String, owner: String, context: String = "default", spec: JobSpec, status: JobStatus = .queued,
        output: JobOutput? = nil, error: String? = nil, errorCode: DeviceErrorCode? = nil,
        createdAt: Date, startedAt: Date? = nil, endedAt: Date? = nil, tags: [String: String] = [:]
    ) {
        self.tags = tags
        self.id = id
        self.owner = owner
        self.context = context
        self.spec = spec
        self.status = status
        self.output = output
        self.error = error
        self.errorCode = errorCode
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
