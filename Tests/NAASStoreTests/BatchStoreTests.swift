import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// A batch is queued whole or not at all, and its jobs come back in their batch order.
@Suite struct BatchStoreTests {
    private static func member(_ batch: String, _ index: Int, id: String = UUID().uuidString.lowercased(), context: String = "default")
        -> NewJob
    {
        let base = StoreFixture.job(id, context: context, port: 1000 + index)
        return NewJob(
            id: base.id, owner: base.owner, context: context, spec: base.spec, credentials: base.credentials,
            batch: BatchSlot(id: batch, index: index))
    }

    @Test(arguments: StoreEngine.all)
    func aBatchIsQueuedWholeAndReadBackInOrder(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            let jobs = [Self.member("b-1", 0), Self.member("b-1", 1, context: "lab"), Self.member("b-1", 2)]
            try await store.enqueueBatch(jobs.reversed())
            let read = try await store.batchJobs("b-1")
            #expect(read.map(\.id) == jobs.map(\.id))
            #expect(read.map(\.spec.target.port) == [1000, 1001, 1002])
            #expect(read.map(\.context) == ["default", "lab", "default"])
            #expect(read.allSatisfy { $0.status == .queued })
            #expect(try await store.queueDepths() == ["default": 2, "lab": 1])
            #expect(try await store.batchJobs("b-unknown").isEmpty)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aTakenIdQueuesNoneOfTheBatch(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            let taken = StoreFixture.job()
            try await store.enqueue(taken)
            let jobs = [Self.member("b-2", 0), Self.member("b-2", 1, id: taken.id), Self.member("b-2", 2)]
            await #expect(throws: StoreError.duplicateJobID(taken.id)) { try await store.enqueueBatch(jobs) }
            #expect(try await store.batchJobs("b-2").isEmpty)
            #expect(try await store.job(jobs[0].id) == nil)
            #expect(try await store.queueDepth() == 1)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aBatchWakesTheWorkersOfItsContexts(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            var wakeups = store.queueWakeups(contexts: ["lab"]).makeAsyncIterator()
            try await store.enqueueBatch([Self.member("b-3", 0, context: "lab")])
            let woken: Void? = await wakeups.next()
            #expect(woken != nil)
            #expect(try await store.claimNext(contexts: ["lab"], lease: nil)?.id != nil)
        }
    }
}
