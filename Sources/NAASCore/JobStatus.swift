/// Where a job is in its life. The raw values are the wire values of NAAS.
public enum JobStatus: String, Sendable, Codable, CaseIterable {
    case queued
    case started
    case finished
    case failed
    case canceled

    /// A job in a terminal state never changes again.
    public var isTerminal: Bool {
        switch self {
        case .queued, .started: false
        case .finished, .failed, .canceled: true
        }
    }
}
