import Logging
import NAASCore
import NAASDevice
import NAASStore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Claims queued jobs and runs them on the device layer, up to `capacity` at
/// once. Device sessions block, so each runs on a thread of its own pool;
/// the cooperative pool only waits for them.
public final class JobDispatcher: Service {
    private let store: any JobStore
    private let runner: DeviceJobRunner
    private let signal: QueueSignal
    private let capacity: Int
    private let threads: NIOThreadPool
    private let logger: Logger
    private let pollInterval: Duration
    private let active = Mutex(0)

    public init(
        store: any JobStore, runner: DeviceJobRunner, signal: QueueSignal, capacity: Int,
        logger: Logger, pollInterval: Duration = .seconds(1)
    ) {
        self.store = store
        self.runner = runner
        self.signal = signal
        self.capacity = capacity
        self.threads = NIOThreadPool(numberOfThreads: max(capacity, 1))
        self.logger = logger
        self.pollInterval = pollInterval
    }

    public var snapshot: WorkerSnapshot {
        WorkerSnapshot(capacity: capacity, active: active.withLock { $0 })
    }

    public func run() async throws {
        guard capacity > 0 else {
            try await gracefulShutdown()
            return
        }
        threads.start()
        // Jobs enqueued by another process, or missed wake-ups, are found by polling.
        let ticker = Task { [signal, pollInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                signal.notify()
            }
        }
        signal.notify()
        await withDiscardingTaskGroup { group in
            // On shutdown stop claiming; jobs already running finish first.
            group.addTask { [signal] in
                try? await gracefulShutdown()
                signal.finish()
            }
            for await _ in signal.wakeups {
                await claimWhileCapacity(group: &group)
            }
        }
        ticker.cancel()
        try await threads.shutdownGracefully()
    }

    private func claimWhileCapacity(group: inout DiscardingTaskGroup) async {
        while active.withLock({ $0 }) < capacity {
            let claimed: ClaimedJob?
            do {
                claimed = try await store.claimNext()
            } catch {
                logger.error("claiming a job failed", metadata: ["error": "\(error)"])
                return
            }
            guard let job = claimed else { return }
            active.withLock { $0 += 1 }
            group.addTask {
                await self.execute(job)
                self.active.withLock { $0 -= 1 }
                self.signal.notify()
            }
        }
    }

    private func execute(_ job: ClaimedJob) async {
        var log = logger
        log[metadataKey: "request_id"] = "\(job.id)"
        log.info("job started", metadata: [
            "host": "\(job.spec.target.host)", "port": "\(job.spec.target.port)",
            "platform": "\(job.spec.target.platform)", "kind": "\(job.spec.kind.rawValue)",
        ])
        let started = ContinuousClock.now
        let outcome: JobOutcome
        do {
            let runner = self.runner
            outcome = try await threads.runIfActive { runner.run(job.spec, credentials: job.credentials) }
        } catch {
            outcome = .crashed("The worker stopped before the job ran: \(error)")
        }
        do {
            try await store.finish(job.id, outcome: outcome)
        } catch {
            log.error("recording a job result failed", metadata: ["error": "\(error)"])
        }
        let elapsed = ContinuousClock.now - started
        switch outcome {
        case .succeeded:
            log.info("job finished", metadata: ["elapsed_ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)"])
        case .deviceFailed(let failure):
            log.warning("job finished with a device error", metadata: ["error_code": "\(failure.code.rawValue)", "error": "\(failure.message)"])
        case .crashed(let message):
            log.error("job failed", metadata: ["error": "\(message)"])
        }
    }
}
