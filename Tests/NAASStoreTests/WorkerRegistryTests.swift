import Foundation
import NAASCore
import Testing
@testable import NAASStore

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
