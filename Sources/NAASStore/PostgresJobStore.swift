import Foundation
import Logging
import NAASCore
import PostgresNIO

/// The shared store: one PostgreSQL database for a fleet of API and worker
/// processes. A pool of connections (PostgresNIO, on its own event loops)
/// serves every statement; nothing here blocks the cooperative pool.
///
/// Open it with `open(url:…)` and `close()` it when the process stops. Claims
/// skip rows other claimers hold (`FOR UPDATE SKIP LOCKED`), so each job goes
/// to one worker; protection state is updated under row and advisory locks,
/// so every process counts failures and requests exactly once.
public final class PostgresJobStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    let vault: CredentialVault
    let retention: RetentionPolicy
    let protection: ProtectionPolicy
    let requestCounts: RequestTally
    let lockouts = LockoutSnapshot()
    let wakeups: WakeupBroadcast
    /// Changes of single jobs, keyed by job id.
    let jobEvents: WakeupBroadcast
    let listener: PostgresQueueListener
    let statements: PooledStatements
    private let fingerprints: SaltedFingerprints
    /// Where the database is, without its password, for logs.
    public let redactedURL: String
    let submissions: GroupCommit<PendingJob, Insertion>
    private let clientTask: Task<Void, Never>
    private let listenerTask: Task<Void, Never>

    /// Connects to the database at `url`, brings its schema up to date, and
    /// starts the connection pool and the listener of queue wake-ups.
    ///
    /// - Parameters:
    ///   - url: `postgres://user:password@host:port/database` (or `postgresql://`),
    ///     optionally with `?sslmode=disable|prefer|require|verify-full`.
    ///   - maximumConnections: The size of the pool (at least 2: one of them listens for wake-ups).
    ///   - connectionWait: How long a statement waits for a pooled connection before it is refused as
    ///     `unavailable`, unsent (see `PooledStatements`).
    ///   - logger: For PostgresNIO's own messages; silent by default.
    /// - Throws: `PostgresStoreError`, naming the URL without its password.
    public static func open(
        url: String, vault: CredentialVault, retention: RetentionPolicy = .init(), protection: ProtectionPolicy = .init(),
        maximumConnections: Int = 10, connectionWait: Duration = .seconds(5),
        logger: Logger = Logger(label: "naas.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> PostgresJobStore {
        let address = try PostgresURL(url)
        let salt = try await prepare(address, logger: logger)
        let store = PostgresJobStore(
            address: address, salt: salt, vault: vault, retention: retention, protection: protection,
            maximumConnections: max(maximumConnections, 2), connectionWait: connectionWait, logger: logger)
        // Statements are refused until the listener is connected (`requireReachable`); it connects in moments.
        _ = await store.listener.waitUntilListening(timeout: .seconds(10))
        return store
    }

    /// Opens one session outside the pool, which reports why it cannot
    /// connect (the pool would only retry), and migrates the schema with it.
    private static func prepare(_ address: PostgresURL, logger: Logger) async throws -> Data {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try await address.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw PostgresStoreError.cannotConnect(address.redacted, reason: PostgresErrorText.describe(error))
        }
        let salt: Data
        do {
            _ = try await PostgresSchema.migrate(connection, logger: logger)
            salt = try await loadOrCreateSalt(connection, logger: logger)
        } catch {
            try? await connection.close()
            throw PostgresStoreError.migrationFailed(address.redacted, reason: PostgresErrorText.describe(error))
        }
        try? await connection.close()
        return salt
    }

    /// The salt of the fingerprints: the first process to open the database
    /// creates it, every other one reads the same.
    private static func loadOrCreateSalt(_ connection: PostgresConnection, logger: Logger) async throws -> Data {
        try await connection.query("""
            INSERT INTO meta (name, value) VALUES ('owner_salt', \(SaltedFingerprints.newSalt().base64EncodedString()))
            ON CONFLICT (name) DO NOTHING
            """, logger: logger)
        for try await value in try await connection.query("SELECT value FROM meta WHERE name = 'owner_salt'", logger: logger)
            .decode(String.self) {
            if let salt = Data(base64Encoded: value) { return salt }
        }
        throw PostgresStoreError.databaseError("the stored fingerprint salt is unreadable")
    }

    private init(
        address: PostgresURL, salt: Data, vault: CredentialVault, retention: RetentionPolicy, protection: ProtectionPolicy,
        maximumConnections: Int, connectionWait: Duration, logger: Logger
    ) {
        let client = PostgresClient(
            configuration: address.clientConfiguration(maximumConnections: maximumConnections), backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.vault = vault
        self.retention = retention
        self.protection = protection
        self.fingerprints = SaltedFingerprints(salt: salt)
        self.redactedURL = address.redacted
        let (listener, wakeups, jobEvents) = (PostgresQueueListener(), WakeupBroadcast(), WakeupBroadcast())
        self.listener = listener
        self.wakeups = wakeups
        self.jobEvents = jobEvents
        let statements = PooledStatements(client: client, listener: listener, connectionWait: connectionWait, logger: logger)
        self.statements = statements
        self.submissions = GroupCommit { jobs in
            try await statements.transaction { connection in try await Self.insert(jobs, connection, logger: logger) }
        }
        self.requestCounts = RequestTally { counts in
            try await statements.onConnection { connection in try await Self.add(counts, connection, logger: logger) }
        }
        clientTask = Task { await client.run() }
        listenerTask = Task { await listener.run(client: client, wakeups: wakeups, jobEvents: jobEvents, logger: logger) }
    }

    /// Stops the listener and the pool. Wake-up streams end; later calls fail.
    public func close() async {
        listenerTask.cancel()
        await listenerTask.value
        wakeups.finish()
        jobEvents.finish()
        await requestCounts.drained(timeout: .seconds(5))
        requestCounts.stop()
        clientTask.cancel()
        await clientTask.value
    }

    public func ownerFingerprint(username: String, password: String) -> String {
        fingerprints.owner(username: username, password: password)
    }

    public func loginFingerprint(_ username: String) -> String {
        fingerprints.login(username)
    }

    public func fingerprint(of parts: [String]) -> String {
        fingerprints.of(parts)
    }

    /// The schema versions this database has applied, in order.
    func appliedSchemaVersions() async throws -> [Int] {
        try await statements.onConnection { [logger] connection in try await PostgresSchema.appliedVersions(connection, logger: logger) }
    }

    /// Runs one statement on a pooled connection and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await statements.rows(query)
    }

    /// Runs `body` in one transaction on one pooled connection.
    func transaction<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        try await statements.transaction(body)
    }
}

extension PostgresConnection {
    /// Runs one statement and returns its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
