/// Limits of the ways a client waits for a job: streams and long polls.
public struct JobWatchSettings: Sendable {
    /// `STREAM_MAX_CONNECTIONS`: open job streams this process holds at once; one more is a 429.
    public var maxStreams: Int
    /// `STREAM_TIMEOUT`: how long a stream stays open for a job that does not end; then a `timeout` event.
    public var streamTimeout: Duration
    /// `RESULT_WAIT_MAX`: the longest `?wait=` a result request may ask for, in seconds.
    public var maxWaitSeconds: Int
    /// How often an idle stream sends a comment, so proxies keep it open and a gone client is noticed.
    public var heartbeat: Duration

    public init(
        maxStreams: Int = 100, streamTimeout: Duration = .seconds(300), maxWaitSeconds: Int = 60,
        heartbeat: Duration = .seconds(15)
    ) {
        self.maxStreams = max(maxStreams, 0)
        self.streamTimeout = streamTimeout
        self.maxWaitSeconds = max(maxWaitSeconds, 0)
        self.heartbeat = heartbeat
    }
}
