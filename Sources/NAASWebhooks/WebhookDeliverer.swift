import Foundation
import Logging
import NAASCore
import NAASStore
import ServiceLifecycle

/// Delivers the webhooks of ended jobs from the store's durable queue: wakes
/// when a job changes and when the next retry is due, claims each due
/// delivery under a lease (so that of several processes one delivers it),
/// POSTs the job's result and records how it went. Deliveries run beside
/// each other, each bounded by `WEBHOOK_TIMEOUT`, and apart from the job
/// dispatcher: a receiver that hangs holds up neither jobs nor other receivers.
public final class WebhookDeliverer: Service {
    /// The body of a delivery: the job's result as its result route shows it at `microversion`.
    public typealias Payload = @Sendable (_ job: JobRecord, _ microversion: String) -> [UInt8]

    private let store: any ServiceStore
    private let settings: WebhookSettings
    private let attempt: WebhookAttempt
    private let audit: AuditLog
    private let logger: Logger
    private let outage: OutageLog

    public init(store: any ServiceStore, settings: WebhookSettings, payload: @escaping Payload, audit: AuditLog = AuditLog(), logger: Logger) throws {
        self.store = store
        self.settings = settings
        self.attempt = WebhookAttempt(
            settings: settings, client: try ReceiverClient(extraTrustRootsFile: settings.extraTrustRootsFile),
            resolver: ReceiverResolver(allowsPrivateAddresses: settings.allowsPrivateAddresses), payload: payload)
        self.audit = audit
        self.logger = logger
        self.outage = OutageLog("delivering webhooks", logger: logger)
    }

    /// The longest the deliverer sleeps without a word from the store: a missed notification costs this much at most.
    static let idlePoll: Duration = .seconds(5)

    public func run() async throws {
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let inFlight = InFlightCount()
        await withDiscardingTaskGroup { group in
            group.addTask { [store] in
                for await _ in store.anyJobChanges() { wake.yield() }
            }
            group.addTask {
                try? await gracefulShutdown()
                wake.finish()
            }
            var iterator = wakeups.makeAsyncIterator()
            while !Task.isCancelled {
                let pause = await deliverDue(into: &group, inFlight: inFlight, wake: wake)
                let timer = Task {
                    try? await Task.sleep(for: pause)
                    wake.yield()
                }
                let woken = await iterator.next() != nil
                timer.cancel()
                guard woken else { break }
                // A burst of job changes makes one pass, not one each.
                try? await Task.sleep(for: Self.passSpacing)
            }
            group.cancelAll()
        }
    }

    /// The least time between two passes over the queue.
    static let passSpacing: Duration = .milliseconds(20)

    /// Starts the deliveries that are due, as many as there is room for; returns how long to wait before the next pass.
    private func deliverDue(
        into group: inout DiscardingTaskGroup, inFlight: InFlightCount, wake: AsyncStream<Void>.Continuation
    ) async -> Duration {
        // A read first: every job change wakes the deliverer, and most find nothing due, so they must not take the writer.
        guard let due = await nextDue() else { return Self.idlePoll }
        if due <= Date() {
            guard await claimDue(into: &group, inFlight: inFlight, wake: wake) else {
                return Self.idlePoll  // no room: a delivery that ends wakes the deliverer
            }
            guard let next = await nextDue() else { return Self.idlePoll }
            return Self.wait(until: next)
        }
        return Self.wait(until: due)
    }

    /// When the next delivery is due, or nil when none is (or the store cannot say).
    private func nextDue() async -> Date? {
        do {
            let next = try await store.nextWebhookAttempt()
            outage.succeeded()
            return next
        } catch {
            outage.failed(error)
            return nil
        }
    }

    private static func wait(until date: Date) -> Duration {
        let seconds = max(date.timeIntervalSinceNow, 0)
        return min(.milliseconds(Int64(seconds * 1000) + 1), idlePoll)
    }

    /// Starts every due delivery there is room for; false when room ran out first.
    private func claimDue(into group: inout DiscardingTaskGroup, inFlight: InFlightCount, wake: AsyncStream<Void>.Continuation) async -> Bool {
        while inFlight.take(upTo: settings.concurrency) {
            let claimed: WebhookDelivery?
            do {
                claimed = try await store.claimWebhookDelivery(now: Date(), lease: leaseSeconds)
                outage.succeeded()
            } catch {
                inFlight.release()
                outage.failed(error)
                return true
            }
            guard let delivery = claimed else {
                inFlight.release()
                return true
            }
            group.addTask { [self] in
                await deliver(delivery)
                inFlight.release()
                wake.yield()
            }
        }
        return false
    }

    /// A claim outlives the attempt (its lookup, connection and answer) with room to record the outcome.
    private var leaseSeconds: TimeInterval {
        settings.timeout.timeInterval * 2 + 30
    }

    private func deliver(_ delivery: WebhookDelivery) async {
        var log = logger
        log[metadataKey: "request_id"] = "\(delivery.jobID)"
        let number = delivery.attempts + 1
        let outcome: WebhookAttemptOutcome
        do {
            guard let job = try await store.job(delivery.jobID) else {
                outcome = .failed("the job no longer exists", retryAt: nil)
                try await store.recordWebhookAttempt(jobID: delivery.jobID, at: Date(), outcome: outcome)
                return
            }
            switch await attempt.make(delivery, of: job, number: number) {
            case .success(let status):
                outcome = .delivered
                log.info("webhook delivered", metadata: ["status": "\(status)", "attempt": "\(number)"])
            case .failure(let failure):
                let retryAt = number < settings.maxAttempts
                    ? Date().addingTimeInterval(settings.retryDelay(afterAttempt: number).timeInterval) : nil
                outcome = .failed(failure.description, retryAt: retryAt)
                log.warning("webhook attempt failed", metadata: [
                    "attempt": "\(number)", "error": "\(failure.description)",
                    "retry_at": "\(retryAt.map { $0.formatted(.iso8601) } ?? "never")",
                ])
                if retryAt == nil {
                    audit.record(.webhookFailed, identity: "system", requestID: delivery.jobID, [
                        "job_id": delivery.jobID, "webhook_host": Self.host(of: delivery.url),
                        "attempts": "\(number)", "last_error": failure.description,
                    ])
                }
            }
            try await store.recordWebhookAttempt(jobID: delivery.jobID, at: Date(), outcome: outcome)
        } catch {
            // The lease runs out and the delivery is claimed again: an attempt is never lost, at worst repeated.
            log.error("recording a webhook attempt failed", metadata: ["error": "\(error)"])
        }
    }

    /// The receiver's host alone: a URL's path or query may carry a token that has no place in the audit log.
    static func host(of url: String) -> String {
        URLComponents(string: url)?.host ?? "?"
    }
}
