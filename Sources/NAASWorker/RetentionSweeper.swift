import Foundation
import Logging
import NAASStore
import ServiceLifecycle

/// Deletes expired job results on a schedule.
public struct RetentionSweeper: Service {
    let store: any JobStore
    let interval: Duration
    let logger: Logger

    public init(store: any JobStore, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await store.purgeExpired(now: Date())
                    if removed > 0 { logger.info("expired jobs removed", metadata: ["count": "\(removed)"]) }
                } catch {
                    logger.error("removing expired jobs failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
