import Crypto
import Foundation
import Testing
@testable import NAASStore

/// A statement that cannot get a pooled connection is refused, unsent, instead of waiting out an outage.
@Suite struct ConnectionWaitTests {
    @Test func aBegunStatementIsNeverAbandoned() {
        let wait = ConnectionWait()
        #expect(wait.begin())
        #expect(!wait.abandon())
        #expect(!wait.begin(), "a statement begins once")
    }

    @Test func anAbandonedStatementNeverBegins() {
        let wait = ConnectionWait()
        #expect(wait.abandon())
        #expect(!wait.begin())
    }

    /// With every pooled connection busy, a submission gets `unavailable` once the wait runs out,
    /// and its job is not written later when a connection frees up.
    @Test func aSubmissionWithoutAConnectionIsRefusedAndNeverWritten() async throws {
        guard let adminURL = StoreEngine.postgresURL else { return }  // StoreEngineTests reports the missing server
        let location = try await StoreEngine.postgres(adminURL: adminURL).makeLocation()
        defer { Task { await location.destroy() } }
        guard case .database(_, let url, _) = location else { return }
        // Two connections: the listener holds one, the statement below the other.
        let store = try await PostgresJobStore.open(
            url: url, vault: CredentialVault(key: SymmetricKey(size: .bits256)), maximumConnections: 2,
            connectionWait: .milliseconds(500))
        let holder = Task { try await store.rows("SELECT pg_sleep(10)") }
        try await Task.sleep(for: .milliseconds(300))

        let started = ContinuousClock.now
        await #expect {
            try await store.enqueue(StoreFixture.job())
        } throws: { error in
            guard case PostgresStoreError.unavailable = error else { return false }
            return true
        }
        #expect(ContinuousClock.now - started < .seconds(8), "refused after the wait, not after the busy statement")

        _ = try await holder.value
        #expect(try await store.queueDepth() == 0, "the refused job was never written")
        try await store.enqueue(StoreFixture.job())
        #expect(try await store.queueDepth() == 1)
        await store.close()
    }

    /// Regression: a submission that passed the outage check just before the database went away waited
    /// for a connection until the database came back and was then accepted, so a client never saw the
    /// outage. Once the listener sees it, a statement still waiting is refused at once.
    @Test func aStatementWaitingForAConnectionIsRefusedWhenTheListenerSeesAnOutage() async throws {
        guard let adminURL = StoreEngine.postgresURL else { return }  // StoreEngineTests reports the missing server
        let location = try await StoreEngine.postgres(adminURL: adminURL).makeLocation()
        defer { Task { await location.destroy() } }
        guard case .database(_, let url, _) = location else { return }
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        let store = try await PostgresJobStore.open(
            url: url, vault: vault, maximumConnections: 2, connectionWait: .seconds(30))
        let bystander = try await PostgresJobStore.open(url: url, vault: vault, maximumConnections: 2)
        _ = try await bystander.rows("SELECT 1")  // a connection it keeps, for when new ones are refused
        let holder = Task { try await store.rows("SELECT pg_sleep(2)") }
        try await Task.sleep(for: .milliseconds(300))

        let submission = Task { try await store.enqueue(StoreFixture.job()) }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        // A database going down takes new sessions too: without this, the pool slot the listener frees
        // could be handed to the waiting submission before the outage is seen, and that race is not the test.
        try await TestDatabases.run("ALTER DATABASE \(Self.quotedName(of: url)) ALLOW_CONNECTIONS false", at: adminURL)
        // What a database shutdown does to the listener's connection, done to that connection alone.
        _ = try await bystander.rows(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database() AND pid <> pg_backend_pid()")
        // Refused unsent (`unavailable`) as a rule; now and then a connection reaches it just before the
        // listener tells of the outage, and it is let go after the grace instead (`interrupted`). Either way
        // the caller is answered within seconds, not after the 30 s wait.
        let outcome = await submission.result
        #expect(ContinuousClock.now - started < .seconds(3), "refused when the outage was seen, not after the wait")
        try await TestDatabases.run("ALTER DATABASE \(Self.quotedName(of: url)) ALLOW_CONNECTIONS true", at: adminURL)
        _ = try? await holder.value
        #expect(await store.listener.waitUntilListening(timeout: .seconds(10)))
        switch outcome {
        case .failure(PostgresStoreError.unavailable):
            #expect(try await store.queueDepth() == 0, "a job refused unsent is never written")
        case .failure(PostgresStoreError.interrupted):
            break
        case .failure(let error):
            Issue.record("unexpected error: \(error)")
        case .success:
            Issue.record("the submission was accepted during the outage")
        }
        await bystander.close()
        await store.close()
    }

    /// Regression: a statement sent just as the database stopped never got an answer, and its caller
    /// (an API request, or a worker's claim loop, which then claimed nothing ever again) waited forever.
    /// Once the listener sees the database go away, a statement already sent gets `answerGrace` to answer.
    @Test func aSentStatementIsLetGoWhenTheDatabaseGoesAwayAndNoAnswerComes() async throws {
        guard let adminURL = StoreEngine.postgresURL else { return }  // StoreEngineTests reports the missing server
        let location = try await StoreEngine.postgres(adminURL: adminURL).makeLocation()
        defer { Task { await location.destroy() } }
        guard case .database(_, let url, _) = location else { return }
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        let store = try await PostgresJobStore.open(url: url, vault: vault, maximumConnections: 3)
        let bystander = try await PostgresJobStore.open(url: url, vault: vault, maximumConnections: 2)
        // Sent, and silent for far longer than the grace: what a statement on a dead connection looks like.
        let silent = Task { try await store.rows("SELECT pg_sleep(20)") }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        _ = try await bystander.rows(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database() AND pid <> pg_backend_pid()")
        await #expect {
            try await silent.value
        } throws: { error in
            guard case PostgresStoreError.interrupted(let message) = error else { return false }
            return message.contains("unknown")
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= PooledStatements.answerGrace, "a sent statement gets its grace")
        #expect(waited < .seconds(8), "let go after the grace, not when the statement would have ended")
        #expect(await store.listener.waitUntilListening(timeout: .seconds(10)))
        #expect(try await store.queueDepth() == 0, "the store works again")
        await bystander.close()
        await store.close()
    }

    /// The database name of a store URL, quoted for a statement.
    static func quotedName(of url: String) -> String {
        let name = URLComponents(string: url)?.path.dropFirst() ?? ""
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
