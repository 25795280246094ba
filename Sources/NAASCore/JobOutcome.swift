/// How a started job ended.
public enum JobOutcome: Sendable, Equatable {
    /// The device ran everything; the job is `finished` with results.
    case succeeded(JobOutput)
    /// The device refused or did not answer; the job is `finished` with an error code (NAAS semantics).
    case deviceFailed(DeviceFailure)
    /// NAAS itself failed (a crash, a lost worker); the job is `failed`.
    case crashed(String)
}
