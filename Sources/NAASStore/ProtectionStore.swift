import Foundation

/// The shared state of the circuit breaker, the lockouts and the rate limits.
public protocol ProtectionStore: Sendable {
    /// Whether a job for `device` may run now. An open circuit whose timeout
    /// has passed lets exactly one probe through (half-open).
    func circuitGate(device: String, at now: Date) async throws -> CircuitGate

    /// When the lockout of `subject` ends, if it is locked out now.
    func lockedUntil(_ scope: LockoutScope, subject: String, at now: Date) async throws -> Date?

    /// Counts one request against each subject's current fixed window of
    /// `window` seconds; returns each subject's count so far, in order.
    func countRequests(subjects: [String], window: TimeInterval, at now: Date) async throws -> [Int]
}

public enum LockoutScope: String, Sendable {
    /// A device `host:port`: too many failed jobs against it.
    case device
    /// A Basic login name: too many device authentication failures with it.
    case user
}

/// What the circuit breaker says about a device.
public enum CircuitGate: Sendable, Equatable {
    case closed
    /// The timeout passed: this job is the probe that decides.
    case probe
    /// Fail fast until `retryAt`.
    case open(retryAt: Date, failures: Int)
}

/// A protection that changed state when a job ended, for the audit log.
public enum ProtectionEvent: Sendable, Equatable {
    case circuitOpened(device: String, failures: Int, retryAt: Date)
    case circuitClosed(device: String)
    case deviceLockedOut(device: String, failures: Int, until: Date)
    case userLockedOut(subject: String, failures: Int, until: Date)
}

/// Thresholds of the circuit breaker and the lockouts; a threshold of 0 disables it.
public struct ProtectionPolicy: Sendable, Equatable {
    public struct Lockout: Sendable, Equatable {
        public var threshold: Int
        public var window: TimeInterval
        public var duration: TimeInterval

        public init(threshold: Int = 10, window: TimeInterval = 600, duration: TimeInterval = 600) {
            self.threshold = threshold
            self.window = window
            self.duration = duration
        }
    }

    public var circuitThreshold: Int
    public var circuitTimeout: TimeInterval
    public var deviceLockout: Lockout
    public var userLockout: Lockout

    public init(
        circuitThreshold: Int = 5, circuitTimeout: TimeInterval = 300,
        deviceLockout: Lockout = Lockout(), userLockout: Lockout = Lockout()
    ) {
        self.circuitThreshold = circuitThreshold
        self.circuitTimeout = circuitTimeout
        self.deviceLockout = deviceLockout
        self.userLockout = userLockout
    }
}
