import Foundation

/// A worker's hold on a job it claimed. The worker renews it while it runs
/// the job; once it lapses the worker is taken for lost and the job is failed
/// (never run again: it may have partly completed, e.g. half a config push).
public struct JobLease: Sendable, Equatable {
    /// The claiming worker, as the error of a lost job names it.
    public let worker: String
    /// How long the claim holds without a renewal.
    public let duration: TimeInterval

    public init(worker: String, duration: TimeInterval) {
        self.worker = worker
        self.duration = duration
    }

    /// The error of a job whose worker's lease lapsed.
    public static func lostWorkerReason(_ worker: String) -> String {
        "Interrupted: worker \(worker) lost its lease (it stopped, or stopped renewing it) while this job was running. "
            + "It was not re-run because it may have partly completed; submit it again if needed."
    }
}
