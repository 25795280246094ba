import Logging
import NAASCore
import PostgresNIO

/// Every statement of the PostgreSQL store runs here, on a pooled connection,
/// and fails fast instead of waiting out an outage.
///
/// The pool keeps retrying to connect while the database is down, and a
/// statement would wait for it, holding its caller (an API request) for as
/// long as the outage lasts. Two bounds stop that:
/// - the listener's connection drops with the database and comes back with
///   it, so while it is down every statement is refused at once;
/// - a statement that got past that check just before the listener noticed
///   waits at most `connectionWait` for a connection.
/// Either way it is refused as `unavailable` (an API answers 503) before it is
/// sent. A statement already sent when the database goes away is given
/// `answerGrace` to answer, then let go as `interrupted`: its outcome is
/// unknown, and its connection may be gone without its caller ever being told.
struct PooledStatements: Sendable {
    let client: PostgresClient
    let listener: PostgresQueueListener
    let connectionWait: Duration
    let logger: Logger

    /// How often a statement still waiting for a connection looks whether the database went away.
    static let outageCheckInterval = Duration.milliseconds(100)

    /// How long a statement already sent may still answer once the database was seen to go away.
    static let answerGrace = Duration.seconds(2)

    private static let databaseDown = "the connection to the database is down; it is retried every second"
    private static let lostMidStatement =
        "the database went away while a statement ran, so whether it took effect is unknown; it is retried every second"

    /// Runs one statement and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await onConnection { [logger] connection in try await connection.rows(query, logger: logger) }
    }

    /// Runs `body` in one transaction on one connection.
    func transaction<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        try await onConnection { [logger] connection in
            try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    /// Runs `body` on a pooled connection, or refuses as `unavailable`; a refused body is never started.
    func onConnection<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        guard listener.isListening else { throw PostgresStoreError.unavailable(Self.databaseDown) }
        let (client, limit, wait) = (client, connectionWait, ConnectionWait())
        // Unstructured: a lease request that ignores cancellation (one waiting on a connection being
        // established) must not hold the caller, as a task group would until it ends.
        let statement = Task {
            try await PostgresErrorText.translating {
                try await client.withConnection { connection in
                    guard wait.begin() else { throw CancellationError() }
                    return try await body(connection)
                }
            }
        }
        // Waits in short slices so that an outage the listener sees while this statement waits for a
        // connection refuses it at once, instead of holding the caller until the pool gives up.
        let deadline = ContinuousClock.now + limit
        var outageSeen: ContinuousClock.Instant?
        while true {
            do {
                return try await awaiting(atMost: Self.outageCheckInterval) { try await statement.value }
            } catch is WaitExpired {
                let now = ContinuousClock.now
                if outageSeen == nil, !listener.isListening { outageSeen = now }
                guard outageSeen != nil || now >= deadline else { continue }
                if wait.abandon() {
                    statement.cancel()
                    throw PostgresStoreError.unavailable(
                        outageSeen != nil ? Self.databaseDown : "no connection to the database came within \(limit)")
                }
                // Sent: its answer decides, unless the database went away since and the answer never
                // comes (a connection dropped mid-statement is not always reported to its caller).
                guard let outageSeen, now - outageSeen >= Self.answerGrace else { continue }
                statement.cancel()
                throw PostgresStoreError.interrupted(Self.lostMidStatement)
            }
        }
    }
}
