import Foundation
import NAASCore

/// The operator's security choices: contexts, the admin secret, key
/// lifetimes and rate limits.
public struct SecuritySettings: Sendable {
    /// Every routing context jobs may name (`NAAS_CONTEXTS`).
    public var contexts: [String]
    /// `NAAS_ADMIN_SECRET`: Basic with it as the password acts as admin. nil: off.
    public var adminSecret: String?
    /// Seconds a new key lives when the request names no `ttl`.
    public var keyDefaultLifetime: TimeInterval
    /// The longest `ttl` a key may ask for; 0 for no limit.
    public var keyMaxLifetime: TimeInterval
    public var rateLimits: RateLimiter.Limits
    /// `MAX_QUEUE_DEPTH`: jobs a context may hold queued before submissions get 503; 0: no limit.
    public var maxQueueDepth: Int

    /// 90 days: `API_KEY_DEFAULT_TTL` when unset, over HTTP and on the command line alike.
    public static let standardKeyLifetime: TimeInterval = 7_776_000

    public init(
        contexts: [String] = [ContextName.defaultName], adminSecret: String? = nil,
        keyDefaultLifetime: TimeInterval = standardKeyLifetime, keyMaxLifetime: TimeInterval = 0,
        rateLimits: RateLimiter.Limits = .init(), maxQueueDepth: Int = 0
    ) {
        self.contexts = contexts.isEmpty ? [ContextName.defaultName] : contexts
        self.adminSecret = adminSecret.flatMap { $0.isEmpty ? nil : $0 }
        self.keyDefaultLifetime = keyDefaultLifetime
        self.keyMaxLifetime = keyMaxLifetime
        self.rateLimits = rateLimits
        self.maxQueueDepth = max(maxQueueDepth, 0)
    }

    /// Where a job goes when it names no context.
    public var defaultContext: String {
        contexts.contains(ContextName.defaultName) ? ContextName.defaultName : contexts[0]
    }
}
