/// How webhooks are checked and delivered.
public struct WebhookSettings: Sendable {
    /// `WEBHOOK_ALLOW_HTTP`: plain `http://` receivers are accepted.
    public var allowsHTTP: Bool
    /// `WEBHOOK_ALLOW_PRIVATE`: receivers on loopback, link-local and private addresses are accepted.
    public var allowsPrivateAddresses: Bool
    /// `WEBHOOK_MAX_RETRIES`: attempts in all, the first included (as NAAS counts them).
    public var maxAttempts: Int
    /// `WEBHOOK_TIMEOUT`: the most one attempt may take, from connecting to the response's status line.
    public var timeout: Duration
    /// `WEBHOOK_RETRY_DELAY`: the wait before the first retry; each later one waits twice as long.
    public var firstRetryDelay: Duration
    /// `WEBHOOK_CA_FILE`: PEM certificates trusted for receivers besides the system's.
    public var extraTrustRootsFile: String?
    /// Deliveries one process makes at once.
    public var concurrency: Int

    public init(
        allowsHTTP: Bool = false, allowsPrivateAddresses: Bool = false, maxAttempts: Int = 4, timeout: Duration = .seconds(10),
        firstRetryDelay: Duration = .seconds(5), extraTrustRootsFile: String? = nil, concurrency: Int = 16
    ) {
        self.allowsHTTP = allowsHTTP
        self.allowsPrivateAddresses = allowsPrivateAddresses
        self.maxAttempts = max(maxAttempts, 1)
        self.timeout = max(timeout, .milliseconds(100))
        self.firstRetryDelay = max(firstRetryDelay, .zero)
        self.extraTrustRootsFile = extraTrustRootsFile
        self.concurrency = max(concurrency, 1)
    }

    /// The most a retry waits: a receiver down for a day is not polled every few seconds, nor forgotten.
    public static let longestRetryDelay: Duration = .seconds(3600)

    /// The wait after failed attempt number `attempt` (1 is the first), doubling each time.
    public func retryDelay(afterAttempt attempt: Int) -> Duration {
        var delay = firstRetryDelay
        for _ in 1..<max(attempt, 1) {
            delay *= 2
            if delay >= Self.longestRetryDelay { return Self.longestRetryDelay }
        }
        return min(delay, Self.longestRetryDelay)
    }
}
