/// What a process's device sessions have done since it started, as
/// `/metrics` shows them: how many jobs reuse a session, and why pooled
/// sessions are closed unused.
public struct SessionStatistics: Sendable, Equatable {
    /// Sessions serving a job now, those still connecting or logging in included.
    public var active = 0
    /// Authenticated sessions waiting in the pool now.
    public var idle = 0
    /// Sessions opened for a job: connected, logged in and set up.
    public var opened = 0
    /// Jobs served by a pooled session that passed its check.
    public var reused = 0
    /// Pooled sessions closed because their idle time ran out.
    public var expired = 0
    /// Pooled sessions closed because they failed the check before reuse
    /// (closed by the device, unread output, or not at their prompt).
    public var failedChecks = 0
    /// Sessions closed after a clean job because their device already had its
    /// share of idle sessions.
    public var overDeviceCap = 0

    public init() {}
}

/// What happened to one session, as the runner reports it to the pool.
enum SessionEvent {
    case opened
    case reused
    case failedCheck
}
