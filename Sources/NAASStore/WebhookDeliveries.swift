import Foundation

/// What a submission asked for: a POST of the job's result to `url` when it
/// ends, signed with `secret`, in the shape of `microversion`.
public struct WebhookRequest: Sendable, Equatable {
    public let url: String
    public let secret: String
    public let microversion: String

    public init(url: String, secret: String, microversion: String) {
        self.url = url
        self.secret = secret
        self.microversion = microversion
    }
}

/// A delivery a deliverer claimed: its job has ended and an attempt is due.
public struct WebhookDelivery: Sendable, Equatable {
    public let jobID: String
    public let url: String
    public let secret: String
    public let microversion: String
    /// Attempts made before this one.
    public let attempts: Int
}

/// Where a job's webhook stands, as its result shows it.
public struct WebhookState: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Waiting for the job to end, or for its next attempt.
        case pending
        case delivered
        /// Every attempt failed; no more will be made.
        case failed
    }

    public let url: String
    public let status: Status
    public let attempts: Int
    public let lastError: String?
    public let lastAttemptAt: Date?
    public let deliveredAt: Date?
}

/// How one attempt went.
public enum WebhookAttemptOutcome: Sendable, Equatable {
    case delivered
    /// Failed; tried again at `retryAt`, or never when nil.
    case failed(String, retryAt: Date?)
}

/// The durable queue of webhook deliveries: a delivery is stored with its job,
/// becomes due when the job ends, and survives restarts until it is delivered
/// or its attempts run out. Secrets are sealed, and erased once it is settled.
public protocol WebhookStore: Sendable {
    /// Claims the due delivery that waited longest, if any, and holds it for
    /// `lease` seconds: a deliverer that dies mid-attempt leaves it to others after that.
    func claimWebhookDelivery(now: Date, lease: TimeInterval) async throws -> WebhookDelivery?
    func recordWebhookAttempt(jobID: String, at: Date, outcome: WebhookAttemptOutcome) async throws
    /// When the next delivery of an ended job is due (possibly already), if any.
    func nextWebhookAttempt() async throws -> Date?
    func webhookState(of jobID: String) async throws -> WebhookState?
}

enum WebhookSQL {
    static let endedStatuses = "('finished', 'failed', 'canceled')"
}
