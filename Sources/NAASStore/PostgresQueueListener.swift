import Logging
import PostgresNIO
import Synchronization

/// Holds one pooled connection in `LISTEN naas_jobs` and turns each
/// notification into a wake-up: a payload `job:<id>` tells that a job changed
/// state, any other payload is the context a job was enqueued in. Writers
/// send the notification in their own transaction, so it goes out only once
/// the change is committed, to every process listening on the database.
final class PostgresQueueListener: Sendable {
    static let channel = "naas_jobs"
    /// Context names cannot hold a colon, so this prefix marks job changes apart.
    private static let jobPrefix = "job:"

    /// The payload telling that job `id` changed state.
    static func jobPayload(_ id: String) -> String { jobPrefix + id }

    /// SQL notifying, at commit, that the job whose id is in `idColumn` changed state.
    static func jobChangeNotice(idColumn: String) -> String {
        "pg_notify('\(channel)', '\(jobPrefix)' || \(idColumn))"
    }

    private let listening = Mutex(false)

    /// Whether the LISTEN is in place now.
    var isListening: Bool { listening.withLock { $0 } }

    /// Listens until cancelled. A lost connection is replaced after a pause;
    /// notifications sent meanwhile are lost, so every (re)start wakes every
    /// stream to look again.
    func run(client: PostgresClient, wakeups: WakeupBroadcast, jobEvents: WakeupBroadcast, logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        listening.withLock { $0 = true }
                        wakeups.announce(nil)
                        jobEvents.announce(nil)
                        for try await notification in notifications {
                            let payload = notification.payload
                            if payload.hasPrefix(Self.jobPrefix) {
                                jobEvents.announce(String(payload.dropFirst(Self.jobPrefix.count)))
                            } else {
                                wakeups.announce(payload)
                            }
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
