import Foundation

/// A job as a listing shows it: no spec and no output, so a page of jobs
/// never reads or decodes their results.
public struct JobSummary: Sendable, Equatable {
    public let id: String
    public let context: String
    public let status: JobStatus
    public let createdAt: Date
    public let endedAt: Date?

    public init(id: String, context: String, status: JobStatus, createdAt: Date, endedAt: Date?) {
        self.id = id
        self.context = context
        self.status = status
        self.createdAt = createdAt
        self.endedAt = endedAt
    }
}
