import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// Tag filters and the list of jobs that ended without success, applied by the store before paging.
@Suite struct JobListingTests {
    private static func tagged(_ tags: [String: String]) -> NewJob {
        let job = StoreFixture.job()
        return NewJob(id: job.id, owner: job.owner, spec: job.spec, credentials: job.credentials, tags: tags)
    }

    @Test(arguments: StoreEngine.all)
    func tagFiltersApplyBeforePagingAndTagsAreKept(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            var change: [String] = []
            for index in 0..<5 {
                let job = Self.tagged(["change": "CHG-1", "site": index.isMultiple(of: 2) ? "lon:1" : "par"])
                try await fixture.store.enqueue(job)
                change.append(job.id)
                try await fixture.store.enqueue(Self.tagged(["change": "CHG-2"]))
            }
            let first = try await fixture.store.jobs(JobFilter(owner: "owner-a", tags: ["change": "CHG-1"]), page: 1, perPage: 2)
            #expect(first.total == 5)
            #expect(first.jobs.map(\.id) == Array(change.reversed().prefix(2)), "a full page of matches, newest first")
            #expect(first.jobs.first?.tags == ["change": "CHG-1", "site": "lon:1"])

            let both = try await fixture.store.jobs(
                JobFilter(owner: "owner-a", tags: ["change": "CHG-1", "site": "lon:1"]), page: 1, perPage: 10)
            #expect(Set(both.jobs.map(\.id)) == Set([change[0], change[2], change[4]]), "every tag must match")
            let none = try await fixture.store.jobs(JobFilter(owner: "owner-a", tags: ["change": "CHG-3"]), page: 1, perPage: 10)
            #expect(none.total == 0)
            #expect(try await fixture.store.job(change[0])?.tags == ["change": "CHG-1", "site": "lon:1"])
        }
    }

    @Test(arguments: StoreEngine.all)
    func theUnsuccessfulListHoldsFailedAndRefusedJobsOnly(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let outcomes: [JobOutcome] = [
                .succeeded(.commands([])),
                .deviceFailed(DeviceFailure(.authFailure, "Authentication failed")),
                .crashed("the worker stopped"),
            ]
            for outcome in outcomes { try await fixture.run(port: 22, outcome) }
            try await fixture.store.enqueue(StoreFixture.job())  // queued: not ended at all

            let listed = try await fixture.store.jobs(JobFilter(owner: "owner-a", unsuccessfulOnly: true), page: 1, perPage: 10)
            #expect(listed.total == 2)
            #expect(listed.jobs.map(\.status) == [.failed, .finished], "newest first")
            #expect(listed.jobs.last?.errorCode == .authFailure)
            #expect(listed.jobs.first?.error?.contains("the worker stopped") == true)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aQueuedJobsPositionCountsItsContextsJobsAheadOfIt(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let jobs = [StoreFixture.job(), StoreFixture.job(context: "lab"), StoreFixture.job(), StoreFixture.job()]
            for job in jobs { try await fixture.store.enqueue(job) }
            #expect(try await fixture.store.queuePosition(of: jobs[3].id) == 3)
            #expect(try await fixture.store.queuePosition(of: jobs[1].id) == 1, "another context's queue")
            let claimed = try #require(try await fixture.store.claimNext(contexts: ["default"]))
            #expect(claimed.id == jobs[0].id)
            #expect(try await fixture.store.queuePosition(of: jobs[3].id) == 2)
            #expect(try await fixture.store.queuePosition(of: jobs[0].id) == 0, "started: no longer queued")
            #expect(try await fixture.store.queuePosition(of: UUID().uuidString) == 0)
        }
    }
}
