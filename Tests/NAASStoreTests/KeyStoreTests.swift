import Foundation
import NAASCore
import Testing
@testable import NAASStore

@Suite struct KeyStoreTests {
    func key(_ id: String = "k-0123456789ab", role: Role = .operator, lifetime: TimeInterval? = 60) -> APIKey {
        let now = Date()
        return APIKey(
            id: id, prefix: "naas_abcdefg", role: role, contexts: .only(["lab"]), name: "ci", createdBy: "cli",
            createdAt: now, lifetime: lifetime, expiresAt: lifetime.map { now.addingTimeInterval($0) })
    }

    @Test func keysAreFoundByTheHashOfTheirTokenOnly() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.insertKey(key(), tokenHash: "hash-1")
        let found = try #require(try await fixture.store.key(tokenHash: "hash-1"))
        #expect(found.id == "k-0123456789ab" && found.role == .operator && found.contexts == .only(["lab"]))
        #expect(try await fixture.store.key(tokenHash: "hash-2") == nil)
        #expect(try await fixture.store.keys().map(\.id) == ["k-0123456789ab"])
    }

    @Test func revocationIsPermanentAndReported() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.insertKey(key(), tokenHash: "hash-1")
        let revoked = try #require(try await fixture.store.revokeKey(id: "k-0123456789ab", at: Date()))
        #expect(revoked.status(at: Date()) == .revoked)
        #expect(try await fixture.store.revokeKey(id: "k-ffffffffffff", at: Date()) == nil)
        #expect(try await fixture.store.replaceToken(id: "k-0123456789ab", tokenHash: "hash-2", prefix: "p", expiresAt: nil) == nil)
    }

    @Test func rotationReplacesTheTokenAndKeepsTheKey() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.insertKey(key(), tokenHash: "hash-1")
        let rotated = try #require(try await fixture.store.replaceToken(id: "k-0123456789ab", tokenHash: "hash-2", prefix: "naas_new", expiresAt: nil))
        #expect(rotated.prefix == "naas_new" && rotated.role == .operator && rotated.expiresAt == nil)
        #expect(try await fixture.store.key(tokenHash: "hash-1") == nil)
        #expect(try await fixture.store.key(tokenHash: "hash-2")?.id == "k-0123456789ab")
    }

    @Test func expiryIsAStatusNotADeletion() {
        let expired = APIKey(
            id: "k-0123456789ab", prefix: "p", role: .viewer, contexts: .all, name: nil, createdBy: "cli",
            createdAt: Date(), lifetime: 1, expiresAt: Date().addingTimeInterval(-1))
        #expect(expired.status(at: Date()) == .expired)
        #expect(key(lifetime: nil).status(at: .distantFuture) == .active)
    }
}

@Suite struct WorkerRegistryTests {
    @Test func workersAreLiveUntilTheirHeartbeatGoesStale() async throws {
        let fixture = try StoreFixture()
        let now = Date()
        try await fixture.store.heartbeat(WorkerRegistration(id: "w1", contexts: ["lab", "default"], capacity: 4), at: now)
        let live = try await fixture.store.liveWorkers(since: now.addingTimeInterval(-15))
        #expect(live == [WorkerRegistration(id: "w1", contexts: ["lab", "default"], capacity: 4)])
        #expect(try await fixture.store.liveWorkers(since: now.addingTimeInterval(1)).isEmpty)
        try await fixture.store.removeWorker(id: "w1")
        #expect(try await fixture.store.liveWorkers(since: .distantPast).isEmpty)
    }

    @Test func aWorkerClaimsOnlyJobsOfItsContexts() async throws {
        let fixture = try StoreFixture()
        let lab = StoreFixture.job(context: "lab")
        try await fixture.store.enqueue(StoreFixture.job(context: "default"))
        try await fixture.store.enqueue(lab)
        #expect(try await fixture.store.claimNext(contexts: ["lab"])?.id == lab.id)
        #expect(try await fixture.store.claimNext(contexts: ["lab"]) == nil)
        #expect(try await fixture.store.claimNext(contexts: []) == nil)
        #expect(try await fixture.store.queueDepths() == ["default": 1])
    }

    @Test func listingsFilterByOwnerAndContext() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.enqueue(StoreFixture.job(owner: "a", context: "default"))
        try await fixture.store.enqueue(StoreFixture.job(owner: "a", context: "lab"))
        try await fixture.store.enqueue(StoreFixture.job(owner: "b", context: "lab"))
        #expect(try await fixture.store.jobs(JobFilter(owner: nil), page: 1, perPage: 10).total == 3)
        #expect(try await fixture.store.jobs(JobFilter(owner: nil, contexts: .only(["lab"])), page: 1, perPage: 10).total == 2)
        #expect(try await fixture.store.jobs(JobFilter(owner: "a", contexts: .only(["lab"])), page: 1, perPage: 10).total == 1)
        #expect(try await fixture.store.jobs(JobFilter(owner: nil, contexts: .only([])), page: 1, perPage: 10).total == 0)
    }
}
