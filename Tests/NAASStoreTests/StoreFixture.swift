import Crypto
import Foundation
import NAASCore
import Synchronization
@testable import NAASStore

/// What the store tests reach into, beyond the service's protocols.
protocol TestStore: ServiceStore {
    var requestCounts: RequestTally { get }
    func credentialsAreErased(_ id: String) async throws -> Bool
    /// The migrations the database has applied, and those this build knows, in order.
    func appliedMigrations() async throws -> [String]
    var knownMigrations: [String] { get }
    /// Returns once wake-ups from other stores on the same database can arrive.
    func waitUntilListening() async -> Bool
    func close() async
}

extension SQLiteJobStore: TestStore {
    func appliedMigrations() async throws -> [String] {
        try await pool.read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    var knownMigrations: [String] { SQLiteSchema.migrator.migrations }

    func waitUntilListening() async -> Bool { true }

    func close() async {}
}

extension PostgresJobStore: TestStore {
    func appliedMigrations() async throws -> [String] {
        try await appliedSchemaVersions().map(String.init)
    }

    var knownMigrations: [String] { PostgresSchema.migrations.map { String($0.version) } }

    func waitUntilListening() async -> Bool {
        await waitUntilListening(timeout: .seconds(30))
    }
}

/// A fresh store of one engine, in a new SQLite directory or a new PostgreSQL
/// database, closed and removed when the test's body returns.
final class StoreFixture: Sendable {
    let engine: StoreEngine
    let location: StoreLocation
    /// One key for every store of the fixture, as processes sharing a store share it.
    let vault = CredentialVault(key: SymmetricKey(size: .bits256))
    let retention: RetentionPolicy
    let store: any TestStore
    private let opened = Mutex<[any TestStore]>([])

    private init(engine: StoreEngine, location: StoreLocation, retention: RetentionPolicy, protection: ProtectionPolicy) async throws {
        self.engine = engine
        self.location = location
        self.retention = retention
        store = try await location.open(vault: vault, retention: retention, protection: protection)
        opened.withLock { $0.append(store) }
    }

    static func with<Result: Sendable>(
        _ engine: StoreEngine, retention: RetentionPolicy = .init(), protection: ProtectionPolicy = .init(),
        _ body: (StoreFixture) async throws -> Result
    ) async throws -> Result {
        let location = try await engine.makeLocation()
        let fixture: StoreFixture
        do {
            fixture = try await StoreFixture(engine: engine, location: location, retention: retention, protection: protection)
        } catch {
            await location.destroy()
            throw error
        }
        do {
            let result = try await body(fixture)
            await fixture.tearDown()
            return result
        } catch {
            await fixture.tearDown()
            throw error
        }
    }

    private func tearDown() async {
        for store in opened.withLock({ $0 }) { await store.close() }
        await location.destroy()
    }

    /// Another store on the same database: what another process sharing it sees.
    /// With `vault`, one that was given another encryption key.
    func sibling(protection: ProtectionPolicy = .init(), vault: CredentialVault? = nil) async throws -> any TestStore {
        let sibling = try await location.open(vault: vault ?? self.vault, retention: retention, protection: protection)
        opened.withLock { $0.append(sibling) }
        return sibling
    }

    static func job(
        _ id: String = UUID().uuidString.lowercased(), owner: String = "owner-a", password: String = "pw-123456",
        context: String = "default", port: Int = 22, loginSubject: String? = nil
    ) -> NewJob {
        NewJob(
            id: id, owner: owner, context: context,
            spec: JobSpec(kind: .command, target: DeviceTarget(host: "192.0.2.1", port: port, platform: "cisco_ios"), lines: ["show version"]),
            credentials: Credentials(username: "ops", password: password, enableSecret: "en-\(password)"),
            loginSubject: loginSubject)
    }

    /// Enqueues, claims and ends a job against `port` with `outcome`; returns the protection events.
    @discardableResult
    func run(port: Int, _ outcome: JobOutcome, loginSubject: String? = nil) async throws -> [ProtectionEvent] {
        let job = Self.job(port: port, loginSubject: loginSubject)
        try await store.enqueue(job)
        let claimed = try await store.claimNext()
        return try await store.finish(claimed?.id ?? job.id, outcome: outcome)
    }
}

/// Counts the wake-ups a stream yields, so a test can wait for the next one
/// (an AsyncStream ends when a task awaiting it is cancelled, so it cannot
/// simply be raced against a timeout).
final class WakeupCounter: Sendable {
    private let count = Mutex(0)
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(_ stream: AsyncStream<Void>) {
        let consumer = Task { [self] in
            for await _ in stream { count.withLock { $0 += 1 } }
        }
        task.withLock { $0 = consumer }
    }

    var current: Int { count.withLock { $0 } }

    /// Whether the count reaches `target` within `timeout`.
    func reaches(_ target: Int, within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while current < target, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return current >= target
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }
}
