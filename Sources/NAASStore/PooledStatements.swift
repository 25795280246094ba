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
/// sent, never after: a caller told "unavailable" knows its write did not happen.
struct PooledStatements: Sendable {
    let client: PostgresClient
    let listener: PostgresQueueListener
    let connectionWait: Duration
    let logger: Logger

    /// How often a statement still waiting for a connection looks whether the database went away.
    static let outageCheckInterval = Duration.milliseconds(100)

    private static let databaseDown = "the connection to the database is down; it is retried every second"

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
        while true {
            do {
                return try await awaiting(atMost: Self.outageCheckInterval) { try await statement.value }
            } catch is WaitExpired {
                let outage = !listener.isListening
                guard outage || ContinuousClock.now >= deadline else { continue }
                guard wait.abandon() else { return try await statement.value }  // sent: its answer decides
                statement.cancel()
                throw PostgresStoreError.unavailable(
                    outage ? Self.databaseDown : "no connection to the database came within \(limit)")
            }
        }
    }
}
