import Foundation
import HTTPTypes
import NAASStore

/// Fixed-window request limits, counted in the store so every API process
/// shares them.
public struct RateLimiter: Sendable {
    public struct Limits: Sendable, Equatable {
        public var window: TimeInterval
        /// Authenticated requests per caller per window; 0 disables.
        public var perCaller: Int
        /// Submissions per caller and device per window; 0 disables.
        public var perDevice: Int
        /// Whether callers with a device login over HTTP Basic are limited too. NAAS never limited
        /// them, so v1 scripts that submit in bulk keep working unless an operator opts in.
        public var basicCallers: Bool

        public init(window: TimeInterval = 60, perCaller: Int = 600, perDevice: Int = 60, basicCallers: Bool = false) {
            self.window = max(window, 1)
            self.perCaller = perCaller
            self.perDevice = perDevice
            self.basicCallers = basicCallers
        }
    }

    let store: any ProtectionStore
    let limits: Limits
    let clock: @Sendable () -> Date

    /// Counts a request of `principal`; throws `rateLimited` past the limit.
    func checkCaller(_ principal: Principal) async throws -> RateLimitStatus? {
        guard isLimited(principal) else { return nil }
        return try await check("caller|" + principal.rateSubject, limit: limits.perCaller)
    }

    /// Counts a submission of `principal` to `device`; throws `rateLimited` past the limit.
    func checkDevice(_ principal: Principal, device: String) async throws -> RateLimitStatus? {
        guard isLimited(principal) else { return nil }
        return try await check("device|" + principal.rateSubject + "|" + device, limit: limits.perDevice)
    }

    /// Counts a batch of `principal` to `devices` (one job each) as that many submissions: the caller's
    /// request is counted already, so the others are added; each device is counted once. Throws
    /// `rateLimited` if any limit is passed, before any job is queued: a batch is accepted whole or not at all.
    func checkBatch(_ principal: Principal, devices: [String]) async throws -> RateLimitStatus? {
        guard isLimited(principal), !devices.isEmpty else { return nil }
        var subjects: [(subject: String, limit: Int)] = []
        if limits.perCaller > 0 {
            subjects += Array(repeating: ("caller|" + principal.rateSubject, limits.perCaller), count: devices.count - 1)
        }
        if limits.perDevice > 0 {
            subjects += devices.map { ("device|" + principal.rateSubject + "|" + $0, limits.perDevice) }
        }
        guard !subjects.isEmpty else { return nil }
        let now = clock()
        let counts = try await store.countRequests(subjects: subjects.map(\.subject), window: limits.window, at: now)
        let windowEnd = ((now.timeIntervalSince1970 / limits.window).rounded(.down) + 1) * limits.window
        let reset = max(1, Int((windowEnd - now.timeIntervalSince1970).rounded(.up)))
        let statuses = zip(subjects, counts).map { entry, count in
            (RateLimitStatus(limit: entry.limit, remaining: max(0, entry.limit - count), resetSeconds: reset), count > entry.limit)
        }
        if let passed = statuses.first(where: \.1) { throw APIError.rateLimited(passed.0) }
        return statuses.map(\.0).min { $0.remaining < $1.remaining }
    }

    private func isLimited(_ principal: Principal) -> Bool {
        limits.basicCallers || principal.deviceLogin == nil
    }

    private func check(_ subject: String, limit: Int) async throws -> RateLimitStatus? {
        guard limit > 0 else { return nil }
        let now = clock()
        let count = try await store.countRequests(subjects: [subject], window: limits.window, at: now)[0]
        let windowEnd = ((now.timeIntervalSince1970 / limits.window).rounded(.down) + 1) * limits.window
        let status = RateLimitStatus(
            limit: limit, remaining: max(0, limit - count),
            resetSeconds: max(1, Int((windowEnd - now.timeIntervalSince1970).rounded(.up))))
        guard count <= limit else { throw APIError.rateLimited(status) }
        return status
    }
}

/// Where a caller stands against a rate limit, as the `X-RateLimit-*` headers say.
public struct RateLimitStatus: Sendable, Equatable {
    let limit: Int
    let remaining: Int
    /// Seconds until the window ends and the count starts again.
    let resetSeconds: Int

    var headers: HTTPFields {
        [.rateLimitLimit: "\(limit)", .rateLimitRemaining: "\(remaining)", .rateLimitReset: "\(resetSeconds)"]
    }

    /// The status with less room left.
    static func tighter(_ a: RateLimitStatus?, _ b: RateLimitStatus?) -> RateLimitStatus? {
        guard let a else { return b }
        guard let b else { return a }
        return b.remaining < a.remaining ? b : a
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
}
