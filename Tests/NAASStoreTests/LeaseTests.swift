import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// Claims held by a worker's lease: a lapsed lease fails the job as lost.
@Suite struct LeaseTests {
    @Test(arguments: StoreEngine.all)
    func aLapsedLeaseFailsTheJobNamingItsWorkerAndItIsNeverClaimedAgain(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let job = StoreFixture.job()
            try await fixture.store.enqueue(job)
            let claimed = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "worker-7", duration: 30))
            #expect(claimed?.id == job.id)
            #expect(try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(10)).isEmpty, "the lease still holds")

            #expect(try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(31)) == [job.id])
            let record = try #require(try await fixture.store.job(job.id))
            #expect(record.status == .failed)
            #expect(record.error == JobLease.lostWorkerReason("worker-7"))
            #expect(record.error?.contains("worker worker-7 lost") == true)
            #expect(try await fixture.store.credentialsAreErased(job.id))
            #expect(try await fixture.store.claimNext() == nil)
            #expect(try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(60)).isEmpty, "failed once only")
            // The lost worker reporting late changes nothing.
            #expect(try await fixture.store.finish(job.id, outcome: .succeeded(.commands([]))).isEmpty)
            #expect(try await fixture.store.job(job.id)?.status == .failed)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aRenewedLeaseOutlivesItsFirstTerm(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let mine = StoreFixture.job()
            let theirs = StoreFixture.job()
            try await fixture.store.enqueue(mine)
            try await fixture.store.enqueue(theirs)
            _ = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "alive", duration: 30))
            _ = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "silent", duration: 30))

            #expect(try await fixture.store.renewLeases(worker: "alive", jobs: [mine.id], until: Date().addingTimeInterval(120)) == [mine.id])
            #expect(try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(31)) == [theirs.id])
            #expect(try await fixture.store.job(mine.id)?.status == .started)
            #expect(try await !fixture.store.credentialsAreErased(mine.id))
            #expect(try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(121)) == [mine.id])
        }
    }

    @Test(arguments: StoreEngine.all)
    func renewingTouchesNeitherEndedJobsNorOtherWorkers(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let ended = StoreFixture.job()
            try await fixture.store.enqueue(ended)
            _ = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "w1", duration: 30))
            try await fixture.store.finish(ended.id, outcome: .succeeded(.commands([])))
            #expect(try await fixture.store.renewLeases(worker: "w1", jobs: [ended.id], until: Date().addingTimeInterval(60)).isEmpty)
            #expect(try await fixture.store.renewLeases(worker: "w2", jobs: [ended.id], until: Date().addingTimeInterval(60)).isEmpty)
            #expect(try await fixture.store.job(ended.id)?.status == .finished)
        }
    }

    /// A claim whose answer never reached its worker (the database went away as it committed) is
    /// started under that worker but run by nothing: renewing only the jobs the worker names lets
    /// its lease lapse, where renewing everything the worker held kept it started for good.
    @Test(arguments: StoreEngine.all)
    func onlyTheJobsAWorkerNamesAreRenewed(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let running = StoreFixture.job()
            let lostClaim = StoreFixture.job()
            try await fixture.store.enqueue(running)
            try await fixture.store.enqueue(lostClaim)
            _ = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "w1", duration: 30))
            _ = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "w1", duration: 30))

            #expect(try await fixture.store.renewLeases(worker: "w1", jobs: [running.id], until: Date().addingTimeInterval(120)) == [running.id])
            #expect(try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(31)) == [lostClaim.id])
            #expect(try await fixture.store.job(running.id)?.status == .started)
            #expect(try await fixture.store.renewLeases(worker: "w1", jobs: [], until: Date().addingTimeInterval(120)).isEmpty)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aClaimWithoutALeaseIsHeldUntilTheJobEnds(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let job = StoreFixture.job()
            try await fixture.store.enqueue(job)
            _ = try await fixture.store.claimNext()
            #expect(try await fixture.store.failExpiredLeases(now: .distantFuture).isEmpty)
            #expect(try await fixture.store.job(job.id)?.status == .started)
        }
    }

    @Test(arguments: StoreEngine.all)
    func lapsedLeasesAreReapedOnceWhenProcessesReapAtOnce(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let stores = [fixture.store, try await fixture.sibling(), try await fixture.sibling()]
            var ids: [String] = []
            for _ in 0..<9 {
                let job = StoreFixture.job()
                try await fixture.store.enqueue(job)
                _ = try await fixture.store.claimNext(contexts: nil, lease: JobLease(worker: "gone", duration: 5))
                ids.append(job.id)
            }
            let later = Date().addingTimeInterval(6)
            let reaped = try await withThrowingTaskGroup(of: [String].self) { group in
                for store in stores { group.addTask { try await store.failExpiredLeases(now: later) } }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(reaped.sorted() == ids.sorted())
        }
    }
}
