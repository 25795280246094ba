import NAASCore

/// What a job's outcome teaches the circuit breaker and the lockouts; every
/// engine records the same lessons, each with its own statements.
struct ProtectionLesson: Sendable, Equatable {
    /// The device did not answer: a failure for its circuit. Otherwise it answered, which closes it.
    let deviceUnreachable: Bool
    /// A failure against the device's lockout.
    let countsAgainstDevice: Bool
    /// A failure against the Basic login's lockout.
    let countsAgainstLogin: Bool

    /// Nil when the outcome teaches nothing: the job crashed in NAAS, or the
    /// circuit stopped it before the device was tried.
    init?(_ outcome: JobOutcome) {
        let code: DeviceErrorCode?
        switch outcome {
        case .succeeded: code = nil
        case .deviceFailed(let failure): code = failure.code
        case .crashed: return nil
        }
        if code == .circuitOpen { return nil }
        deviceUnreachable = code?.isUnreachable == true
        countsAgainstDevice = code.map { $0.isUnreachable || $0 == .authFailure } ?? false
        countsAgainstLogin = code == .authFailure
    }

    /// Whether one more failure opens a circuit that was in `state` and has now failed `failures` times.
    static func failureOpensCircuit(state: String, failures: Int, threshold: Int) -> Bool {
        state == "half_open" || (state == "closed" && failures >= threshold)
    }
}
