import Foundation
import NAASCore
import Testing
@testable import NAASStore

@Suite struct WorkerRegistryTests {
    @Test(arguments: StoreEngine.all)
    func workersAreLiveUntilTheirHeartbeatGoesStale(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let now = Date()
            try await fixture.store.heartbeat(WorkerRegistration(id: "w1", contexts: ["lab", "default"], capacity: 4), at: now)
            let live = try await fixture.store.liveWorkers(since: now.addingTimeInterval(-15))
            #expect(live == [WorkerRegistration(id: "w1", contexts: ["lab", "default"], capacity: 4)])
            #expect(try await fixture.store.liveWorkers(since: now.addingTimeInterval(1)).isEmpty)
            try await fixture.store.removeWorker(id: "w1")
            #expect(try await fixture.store.liveWorkers(since: .distantPast).isEmpty)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aWorkerClaimsOnlyJobsOfItsContexts(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let lab = StoreFixture.job(context: "lab")
            try await fixture.store.enqueue(StoreFixture.job(context: "default"))
            try await fixture.store.enqueue(lab)
            #expect(try await fixture.store.claimNext(contexts: ["lab"])?.id == lab.id)
            #expect(try await fixture.store.claimNext(contexts: ["lab"]) == nil)
            #expect(try await fixture.store.claimNext(contexts: []) == nil)
            #expect(try await fixture.store.queueDepths() == ["default": 1])
        }
    }

    @Test(arguments: StoreEngine.all)
    func listingsFilterByOwnerAndContext(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            try await fixture.store.enqueue(StoreFixture.job(owner: "a", context: "default"))
            try await fixture.store.enqueue(StoreFixture.job(owner: "a", context: "lab"))
            try await fixture.store.enqueue(StoreFixture.job(owner: "b", context: "lab"))
            #expect(try await fixture.store.jobs(JobFilter(owner: nil), page: 1, perPage: 10).total == 3)
            #expect(try await fixture.store.jobs(JobFilter(owner: nil, contexts: .only(["lab"])), page: 1, perPage: 10).total == 2)
            #expect(try await fixture.store.jobs(JobFilter(owner: "a", contexts: .only(["lab"])), page: 1, perPage: 10).total == 1)
            #expect(try await fixture.store.jobs(JobFilter(owner: nil, contexts: .only([])), page: 1, perPage: 10).total == 0)
        }
    }
}
