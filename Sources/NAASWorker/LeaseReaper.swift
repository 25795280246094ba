import Foundation
import Logging
import NAASStore
import ServiceLifecycle

/// Ends `failed` the jobs of workers that stopped renewing their leases (a
/// process killed, a host lost). Every process sharing the store runs one, so
/// the loss of any node is noticed by the others; ending a job is a single
/// conditional update, so two reapers never end one job twice.
public struct LeaseReaper: Service {
    let store: any JobStore
    let interval: Duration
    let logger: Logger

    /// Checks every 2 s, so a lost worker's jobs end within its lease and 2 s more.
    public init(store: any JobStore, interval: Duration = .seconds(2), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        let outage = OutageLog("checking job leases", logger: logger)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    for id in try await store.failExpiredLeases(now: Date()) {
                        logger.warning("job failed: its worker was lost", metadata: ["request_id": "\(id)"])
                    }
                    outage.succeeded()
                } catch {
                    outage.failed(error)
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
