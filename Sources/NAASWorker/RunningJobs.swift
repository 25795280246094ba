import NAASCore
import Synchronization

/// The jobs a dispatcher is running, each waiting for its outcome. An outcome
/// comes from the device session or, when the process stops and the shutdown
/// grace runs out, from `abandonAll`: whichever comes first is the one the job
/// ends with, and the other is dropped. A device session cannot be cut short
/// from outside its thread, so this is how a stopping process stops waiting.
final class RunningJobs: Sendable {
    private struct State {
        var waiting: [String: CheckedContinuation<JobOutcome, Never>] = [:]
        /// Set once the process gives up on its running jobs.
        var abandonment: JobOutcome?
    }

    private let state = Mutex(State())

    var count: Int { state.withLock { $0.waiting.count } }

    /// Runs `work` in a task of its own and returns its outcome, or the
    /// abandonment's if that comes first.
    func outcome(of id: String, _ work: @escaping @Sendable () async -> JobOutcome) async -> JobOutcome {
        await withCheckedContinuation { continuation in
            let abandoned: JobOutcome? = state.withLock { state in
                if state.abandonment == nil { state.waiting[id] = continuation }
                return state.abandonment
            }
            if let abandoned {
                continuation.resume(returning: abandoned)
                return
            }
            Task {
                let outcome = await work()
                self.state.withLock { $0.waiting.removeValue(forKey: id) }?.resume(returning: outcome)
            }
        }
    }

    /// Ends the wait of every running job, and of any started later, with `outcome`.
    func abandonAll(with outcome: JobOutcome) {
        let abandoned = state.withLock { state in
            state.abandonment = outcome
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in abandoned { continuation.resume(returning: outcome) }
    }
}
