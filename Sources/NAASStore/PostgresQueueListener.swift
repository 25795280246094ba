import Logging
import PostgresNIO
import Synchronization

/// Holds one pooled connection in `LISTEN naas_jobs` and turns each
/// notification (its payload is the job's context) into a wake-up. Enqueues
/// send the notification in their own transaction, so it goes out only once
/// the job is committed, to every process listening on the database.
final class PostgresQueueListener: Sendable {
    static let channel = "naas_jobs"

    private let listening = Mutex(false)

    /// Whether the LISTEN is in place now.
    var isListening: Bool { listening.withLock { $0 } }

    /// Listens until cancelled. A lost connection is replaced after a pause;
    /// notifications sent meanwhile are lost, so every (re)start wakes every
    /// stream to look at the queue.
    func run(client: PostgresClient, wakeups: WakeupBroadcast, logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        listening.withLock { $0 = true }
                        wakeups.announce(context: nil)
                        for try await notification in notifications {
                            wakeups.announce(context: notification.payload)
                        }
                    }
                }
            } catch {
                if !Task.isCancelled {
                    logger.warning("listening for queue wake-ups failed", metadata: ["error": "\(PostgresErrorText.describe(error))"])
                }
            }
            listening.withLock { $0 = false }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Waits (up to `timeout`) until the LISTEN is in place; tells whether it is.
    func waitUntilListening(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !isListening, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return isListening
    }
}
