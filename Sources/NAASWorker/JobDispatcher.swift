import Foundation
import Logging
import NAASCore
import NAASDevice
import NAASStore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Claims queued jobs of the contexts it serves and runs them on the device
/// layer, up to `capacity` at once. Device sessions hold no thread while
/// they wait for a device (they run on the device reactor's loops), so
/// `capacity` can be in the thousands; the parsing of a structured job's
/// output, CPU work, runs on a small thread pool of its own. Each claim is a
/// lease the dispatcher renews while the job runs, so that the other
/// processes sharing the store can tell a lost worker from a slow job.
public final class JobDispatcher: Service {
    private let store: any ServiceStore
    private let runner: DeviceJobRunner
    private let outputParser: CommandOutputParser
    private let signal: QueueSignal
    private let capacity: Int
    private let registration: WorkerRegistration
    /// Registered and live, but starting nothing (a maintenance hold).
    private let holding: Bool
    /// Where structured output is parsed: neither the cooperative pool nor a reactor loop waits on it.
    private let parsingThreads: NIOThreadPool
    private let logger: Logger
    private let audit: AuditLog
    private let pollInterval: Duration
    private let lease: TimeInterval
    private let shutdownGrace: Duration
    private let slots = Mutex(Slots())
    /// The jobs this process claimed and has not yet recorded the end of: the leases it renews.
    private let held = Mutex(Set<String>())
    private let running = RunningJobs()
    /// Jobs claimed for this dispatcher as they were inserted, not yet started.
    private let handedJobs = Mutex<[ClaimedJob]>([])
    private let claimOutage: OutageLog

    public init(
        store: any ServiceStore, runner: DeviceJobRunner, outputParser: CommandOutputParser = CommandOutputParser(library: nil),
        signal: QueueSignal, capacity: Int, contexts: Set<String>, holding: Bool = false, logger: Logger, audit: AuditLog = AuditLog(),
        pollInterval: Duration = .seconds(1), lease: TimeInterval = JobDispatcher.defaultLease,
        shutdownGrace: Duration = JobDispatcher.defaultShutdownGrace
    ) {
        self.store = store
        self.runner = runner
        self.outputParser = outputParser
        self.signal = signal
        self.capacity = capacity
        self.registration = WorkerRegistration(id: RandomUUID.string(), contexts: contexts, capacity: capacity)
        self.holding = holding
        self.parsingThreads = NIOThreadPool(numberOfThreads: ProcessInfo.processInfo.activeProcessorCount)
        self.logger = logger
        self.audit = audit
        self.pollInterval = pollInterval
        self.lease = lease
        self.shutdownGrace = shutdownGrace
        self.claimOutage = OutageLog("claiming jobs", logger: logger)
    }

    /// How long a claimed job is held without a renewal; it is renewed every third of that.
    public static let defaultLease: TimeInterval = 15
    /// How long running jobs get to finish once the process is asked to stop.
    public static let defaultShutdownGrace: Duration = .seconds(30)

    public var snapshot: WorkerSnapshot {
        WorkerSnapshot(capacity: capacity, active: slots.withLock { $0.running })
    }

    /// The jobs running (or with a slot reserved for them), whether the
    /// dispatcher last stopped claiming with every slot taken, and the slots
    /// reserved by submissions still committing.
    private struct Slots {
        var running = 0
        var mayHaveLeftJobsQueued = false
        var reservedForInserts = 0
        /// Until shutdown, submissions may reserve slots for the jobs they insert.
        var takingInserts = true
        /// Whether something since the last claim may have queued a job for this dispatcher.
        var queueMayHoldJobs = false

        /// Whether to claim now; the next wake-up claims only if something calls for it again.
        mutating func takeQueueLook() -> Bool {
            defer { queueMayHoldJobs = false }
            return queueMayHoldJobs
        }

        /// Takes up to `wanted` free slots for a submission's claim; none once shutdown began.
        mutating func reserveForInsert(_ wanted: Int, capacity: Int) -> Int {
            guard takingInserts else { return 0 }
            let granted = max(0, min(wanted, capacity - running))
            running += granted
            reservedForInserts += granted
            // Every slot taken: a job's end must look at the queue again.
            if running >= capacity { mayHaveLeftJobsQueued = true }
            return granted
        }

        /// Settles a reservation: `handed` slots now hold jobs, `unused` are free again.
        /// Returns whether the freed slots should look at the queue.
        mutating func settleInsert(handed: Int, unused: Int) -> Bool {
            running -= unused
            reservedForInserts -= handed + unused
            return unused > 0 && mayHaveLeftJobsQueued
        }
    }

    /// Wakes the dispatcher to claim: jobs may be queued for it.
    private func lookAtQueue() {
        slots.withLock { $0.queueMayHoldJobs = true }
        signal.notify()
    }

    /// Records this process's workers in the registry (none when capacity is 0).
    public func register() async throws {
        guard capacity > 0 else { return }
        try await store.heartbeat(registration, at: Date())
    }

    public func run() async throws {
        guard capacity > 0 else {
            try await gracefulShutdown()
            return
        }
        parsingThreads.start()
        // Its first beat registers the workers, if `register()` has not already.
        let heartbeat = Task { [store, registration, logger] in
            let outage = OutageLog("worker heartbeat", logger: logger)
            while !Task.isCancelled {
                do {
                    try await store.heartbeat(registration, at: Date())
                    outage.succeeded()
                } catch {
                    outage.failed(error)
                }
                try? await Task.sleep(for: .seconds(WorkerRegistration.heartbeatInterval))
            }
        }
        // While a job runs its lease is renewed; a process that stops renewing is taken for lost.
        let leaseRenewal = Task { [self, store, registration, lease, logger] in
            let outage = OutageLog("renewing job leases", logger: logger)
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(lease / 3))
                do {
                    let jobs = self.held.withLock { Array($0) }
                    try await store.renewLeases(worker: registration.id, jobs: jobs, until: Date().addingTimeInterval(lease))
                    outage.succeeded()
                } catch {
                    outage.failed(error)
                }
            }
        }
        // The store tells of new jobs (PostgreSQL: from every process); polling covers a missed word.
        let storeWakeups = Task { [self, store, registration] in
            for await _ in store.queueWakeups(contexts: registration.contexts) { self.lookAtQueue() }
        }
        let ticker = Task { [self, pollInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                self.lookAtQueue()
            }
        }
        if !holding { store.handInsertedJobs(to: insertTaker) }
        lookAtQueue()
        var graceWatch: Task<Void, Never>?
        await withDiscardingTaskGroup { group in
            // On shutdown stop claiming; jobs already running get the grace to finish.
            group.addTask { [self, signal, store] in
                try? await gracefulShutdown()
                store.handInsertedJobs(to: nil)
                slots.withLock { $0.takingInserts = false }
                signal.finish()
            }
            for await _ in signal.wakeups {
                startHandedJobs(group: &group)
                // Jobs handed over at their insert wake the dispatcher too, but call for no claim of its own.
                if slots.withLock({ $0.takeQueueLook() }) { await claimWhileCapacity(group: &group) }
            }
            // Submissions that reserved a slot before the shutdown may still be committing: their jobs are this process's to run.
            while slots.withLock({ $0.reservedForInserts > 0 }) {
                try? await Task.sleep(for: .milliseconds(5))
            }
            startHandedJobs(group: &group)
            graceWatch = Task { [running, shutdownGrace, logger] in
                guard (try? await Task.sleep(for: shutdownGrace)) != nil else { return }
                let left = running.count
                guard left > 0 else { return }
                logger.warning("shutdown grace over: ending the jobs still running", metadata: ["jobs": "\(left)"])
                running.abandonAll(with: .crashed(Self.abandonedReason(grace: shutdownGrace)))
            }
        }
        graceWatch?.cancel()
        ticker.cancel()
        storeWakeups.cancel()
        leaseRenewal.cancel()
        heartbeat.cancel()
        // Idle sessions end with a goodbye to their devices, not a dropped connection.
        await runner.sessions.closeAll()
        try? await store.removeWorker(id: registration.id)
        // A parse abandoned at the end of the grace may still hold its thread: do not wait for it.
        parsingThreads.shutdownGracefully { _ in }
    }

    /// The error of a job still running when the shutdown grace ran out.
    static func abandonedReason(grace: Duration) -> String {
        "Interrupted: the worker was stopped and this job did not finish within the \(grace.components.seconds) s shutdown grace. "
            + "It was not re-run because it may have partly completed; submit it again if needed."
    }

    /// Claims queued jobs, many per trip to the store, until the queue is
    /// empty or every slot is taken.
    private func claimWhileCapacity(group: inout DiscardingTaskGroup) async {
        guard !holding else { return }
        while true {
            let room = slots.withLock { slots in
                defer { slots.mayHaveLeftJobsQueued = slots.running >= capacity }
                return capacity - slots.running
            }
            guard room > 0 else { return }
            let wanted = min(room, Self.claimBatch)
            let claimed: [ClaimedJob]
            do {
                claimed = try await store.claim(
                    upTo: wanted, contexts: registration.contexts, lease: JobLease(worker: registration.id, duration: lease))
                claimOutage.succeeded()
            } catch {
                claimOutage.failed(error)
                // The poll tries again; so does the end of each running job.
                slots.withLock { $0.mayHaveLeftJobsQueued = true }
                return
            }
            slots.withLock { $0.running += claimed.count }
            for job in claimed { start(job, in: &group) }
            // Fewer than asked: the queue is empty for now.
            if claimed.count < wanted { return }
        }
    }

    /// Runs a claimed job whose slot is already counted, and frees the slot when it ends.
    private func start(_ job: ClaimedJob, in group: inout DiscardingTaskGroup) {
        held.withLock { _ = $0.insert(job.id) }
        group.addTask {
            await self.execute(job)
            self.held.withLock { _ = $0.remove(job.id) }
            let lookAgain = self.slots.withLock { slots in
                slots.running -= 1
                return slots.mayHaveLeftJobsQueued
            }
            // A freed slot matters only if the last look left jobs queued; a job queued since wakes the dispatcher itself.
            if lookAgain { self.lookAtQueue() }
        }
    }

    private func startHandedJobs(group: inout DiscardingTaskGroup) {
        let jobs = handedJobs.withLock { jobs in
            defer { jobs = [] }
            return jobs
        }
        for job in jobs { start(job, in: &group) }
    }

    /// Lets submissions claim for this dispatcher as they commit, into slots they reserve while there are free ones.
    private var insertTaker: JobTaker {
        JobTaker(
            contexts: registration.contexts, lease: JobLease(worker: registration.id, duration: lease),
            reserve: { [self] wanted in slots.withLock { $0.reserveForInsert(wanted, capacity: capacity) } },
            take: { [self] jobs, unused in
                // Held from the moment of the claim, so that the lease renewal covers them before they start.
                held.withLock { held in for job in jobs { held.insert(job.id) } }
                handedJobs.withLock { $0 += jobs }
                let lookAgain = slots.withLock { $0.settleInsert(handed: jobs.count, unused: unused) }
                if lookAgain {
                    lookAtQueue()
                } else if !jobs.isEmpty {
                    signal.notify()
                }
            })
    }

    /// The most jobs one claim takes, so that a claim's transaction stays short.
    static let claimBatch = 32

    private func execute(_ job: ClaimedJob) async {
        var log = logger
        log[metadataKey: "request_id"] = "\(job.id)"
        log.info("job started", metadata: [
            "host": "\(job.spec.target.host)", "port": "\(job.spec.target.port)",
            "platform": "\(job.spec.target.platform)", "kind": "\(job.spec.kind.rawValue)",
        ])
        let started = ContinuousClock.now
        let outcome = await running.outcome(of: job.id) { [log] in await self.run(job, log: log) }
        if let events = await record(outcome, of: job.id, log: log) {
            for event in events { audit.record(event, requestID: job.id) }
        }
        var details = ["job_id": job.id, "device": job.spec.target.address, "status": outcome.status.rawValue]
        if let code = outcome.errorCode { details["error_code"] = code.rawValue }
        audit.record(.jobCompleted, identity: job.submittedBy ?? "system", requestID: job.id, details)
        let elapsed = ContinuousClock.now - started
        switch outcome {
        case .succeeded:
            log.info("job finished", metadata: ["elapsed_ms": "\(elapsed.milliseconds)"])
        case .deviceFailed(let failure):
            log.warning("job finished with a device error", metadata: ["error_code": "\(failure.code.rawValue)", "error": "\(failure.message)"])
        case .crashed(let message):
            log.error("job failed", metadata: ["error": "\(message)"])
        }
    }

    /// Stores how the job ended, retrying while the store is out of reach (a
    /// database restart): the job ran, and its result must not be lost. The
    /// lease is renewed meanwhile, so no other process takes the job for lost
    /// while this one still holds its result.
    private func record(_ outcome: JobOutcome, of id: String, log: Logger) async -> [ProtectionEvent]? {
        // The store ends a started job once, so a late answer to an abandoned attempt changes nothing.
        await patiently("recording a job result", log: log) { [store] in try await store.finish(id, outcome: outcome) }
    }

    /// Runs `work` against the store until it answers, through an outage of up to `storePatience`.
    ///
    /// Each attempt is bounded by `storeAttemptLimit`: one that hangs (a
    /// connection lost mid-statement) is given up and tried again, so `work`
    /// must be safe to repeat. Returns nil when the store never answered.
    private func patiently<Value: Sendable>(
        _ what: String, log: Logger, _ work: @escaping @Sendable () async throws -> Value
    ) async -> Value? {
        let deadline = ContinuousClock.now + Self.storePatience
        var pause: Duration = .milliseconds(100)
        while true {
            do {
                return try await awaiting(atMost: Self.storeAttemptLimit, work)
            } catch {
                guard ContinuousClock.now + pause < deadline else {
                    log.error("\(what) failed; giving up", metadata: ["error": "\(error)"])
                    return nil
                }
                log.warning("\(what) failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }

    /// How long a claimed job waits out an unreachable store (its result, or the check before it runs).
    static let storePatience: Duration = .seconds(60)

    /// How long one attempt against the store may take before it is tried again.
    static let storeAttemptLimit: Duration = .seconds(10)

    /// Runs the job on the device layer, unless the device's circuit is open
    /// (as the claim found it, or else as the store answers now).
    ///
    /// A job claimed just before the database went away waits for it to
    /// return to check the circuit, rather than failing a job that never ran.
    private func run(_ job: ClaimedJob, log: Logger) async -> JobOutcome {
        let device = job.spec.target.address
        var gate = job.circuit
        if gate == nil {
            gate = await patiently("checking the device's circuit breaker", log: log) { [store] in
                try await store.circuitGate(device: device, at: Date())
            }
        }
        guard let gate else {
            return .crashed("The store could not be reached for \(Self.storePatience.components.seconds) s to check the device's "
                + "circuit breaker, so the job did not run; submit it again.")
        }
        if case .open(let retryAt, let failures) = gate {
            return .deviceFailed(DeviceFailure(
                .circuitOpen,
                "Circuit open for \(device) after \(failures) connection failures; retry after \(retryAt.formatted(.iso8601))"))
        }
        let outcome = await runner.run(job.spec, credentials: job.credentials)
        guard job.spec.kind == .structuredCommand, case .succeeded = outcome else { return outcome }
        let outputParser = self.outputParser
        do {
            return try await parsingThreads.runIfActive { outputParser.parsed(outcome, of: job.spec) }
        } catch {
            return .crashed("The worker stopped before the job's output was parsed: \(error)")
        }
    }
}

extension JobOutcome {
    /// The status the job ends in.
    fileprivate var status: JobStatus {
        if case .crashed = self { return .failed }
        return .finished
    }

    fileprivate var errorCode: DeviceErrorCode? {
        if case .deviceFailed(let failure) = self { return failure.code }
        return nil
    }
}
