/// How submissions are matched to jobs that exist already: idempotency keys and deduplication.
public struct JobReuseSettings: Sendable {
    /// `IDEMPOTENCY_TTL`: how long an `Idempotency-Key` stands for its job, in seconds.
    public var idempotencyLifetime: Double
    /// `JOB_DEDUP_ENABLED`: whether an identical active job of the same caller is reused (a request may opt out).
    public var deduplicates: Bool

    public init(idempotencyLifetime: Double = 86_400, deduplicates: Bool = true) {
        self.idempotencyLifetime = max(idempotencyLifetime, 1)
        self.deduplicates = deduplicates
    }
}
