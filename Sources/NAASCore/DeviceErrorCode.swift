/// Why a device refused or failed a job. Raw values are part of the wire contract.
public enum DeviceErrorCode: String, Sendable, Codable, CaseIterable {
    case authFailure = "AUTH_FAILURE"
    case connectionTimeout = "CONNECTION_TIMEOUT"
    case connectionRefused = "CONNECTION_REFUSED"
    case readTimeout = "READ_TIMEOUT"
    case configRejected = "CONFIG_REJECTED"
    case sshError = "SSH_ERROR"
    /// The device failed too often lately; NAAS did not try it (circuit breaker).
    case circuitOpen = "CIRCUIT_OPEN"
    /// `platform: autodetect` recognised no platform from the device's answers.
    case autodetectFailed = "AUTODETECT_FAILED"

    /// Whether sending the same job again may succeed without changing it.
    public var isRetryable: Bool {
        switch self {
        case .connectionTimeout, .connectionRefused, .readTimeout, .sshError, .circuitOpen: true
        case .authFailure, .configRejected, .autodetectFailed: false
        }
    }

    /// The device could not be reached or spoken to: what trips the circuit breaker.
    public var isUnreachable: Bool {
        switch self {
        case .connectionTimeout, .connectionRefused, .sshError: true
        case .authFailure, .readTimeout, .configRejected, .circuitOpen, .autodetectFailed: false
        }
    }
}

/// A failure on the device side: the job itself ran correctly, the device said no.
public struct DeviceFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: DeviceErrorCode
    public let message: String

    public init(_ code: DeviceErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
