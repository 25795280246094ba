import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// Watchers of one job (streams, long polls) hear of its claim, its end and its cancel, and of nothing else.
@Suite struct JobChangeTests {
    @Test(arguments: StoreEngine.all)
    func aClaimAndAFinishWakeTheJobsWatchersOnly(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            #expect(await fixture.store.waitUntilListening())
            let watched = StoreFixture.job()
            let bystander = StoreFixture.job()
            try await fixture.store.enqueue(watched)
            let changes = WakeupCounter(fixture.store.jobChanges(id: watched.id))
            let unrelated = WakeupCounter(fixture.store.jobChanges(id: bystander.id))
            defer { [changes, unrelated].forEach { $0.stop() } }
            // Each stream wakes once at the start, so its watcher reads the job before it waits.
            #expect(await changes.reaches(1, within: .seconds(5)))
            #expect(await unrelated.reaches(1, within: .seconds(5)))

            let claimed = try #require(try await fixture.store.claimNext())
            #expect(claimed.id == watched.id)
            #expect(await changes.reaches(2, within: .seconds(10)), "the claim")
            try await fixture.store.finish(watched.id, outcome: .succeeded(.commands([], detectedPlatform: nil)))
            #expect(await changes.reaches(3, within: .seconds(10)), "the end")
            try await Task.sleep(for: .milliseconds(200))
            #expect(unrelated.current == 1, "another job's watcher stays asleep")
        }
    }

    @Test(arguments: StoreEngine.all)
    func aCancelWakesTheJobsWatchersInEveryProcessWhereTheEngineSharesThem(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let other = try await fixture.sibling()
            #expect(await other.waitUntilListening())
            let job = StoreFixture.job()
            try await fixture.store.enqueue(job)
            let here = WakeupCounter(fixture.store.jobChanges(id: job.id))
            let there = WakeupCounter(other.jobChanges(id: job.id))
            defer { [here, there].forEach { $0.stop() } }
            #expect(await here.reaches(1, within: .seconds(5)))
            #expect(await there.reaches(1, within: .seconds(5)))

            #expect(try await fixture.store.cancel(job.id) == .canceled)
            #expect(await here.reaches(2, within: .seconds(10)))
            if engine.sharesWakeupsAcrossStores {
                #expect(await there.reaches(2, within: .seconds(10)), "NOTIFY must reach another process")
            } else {
                try await Task.sleep(for: .milliseconds(300))
                #expect(there.current == 1, "SQLite tells only its own watchers")
            }
        }
    }

    /// A long poll subscribes before it reads the job: its stream starts silent, and a change after the read wakes it.
    @Test(arguments: StoreEngine.all)
    func laterChangesStartSilentAndWakeOnTheNextChange(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            #expect(await fixture.store.waitUntilListening())
            let job = StoreFixture.job()
            try await fixture.store.enqueue(job)
            let later = WakeupCounter(fixture.store.laterChanges(of: job.id))
            defer { later.stop() }
            try await Task.sleep(for: .milliseconds(200))
            #expect(later.current == 0, "no tick at the start")
            _ = try #require(try await fixture.store.claimNext())
            #expect(await later.reaches(1, within: .seconds(10)), "the claim")
        }
    }

    /// A long poll woken by the end answers from the record the end's own transaction read, not from a second read.
    @Test func aWatchedJobsEndLeavesItsRecordForItsWatchersEqualToARead() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let watched = StoreFixture.job()
            let unwatched = StoreFixture.job()
            try await fixture.store.enqueue(watched)
            try await fixture.store.enqueue(unwatched)
            let later = WakeupCounter(fixture.store.laterChanges(of: watched.id))
            defer { later.stop() }
            #expect(try await fixture.store.claim(upTo: 2, contexts: nil, lease: nil).count == 2)
            let outcome = JobOutcome.succeeded(.commands([CommandOutput(command: "show clock", output: "12:00")]))
            try await fixture.store.finish(watched.id, outcome: outcome)
            try await fixture.store.finish(unwatched.id, outcome: outcome)
            #expect(await later.reaches(2, within: .seconds(10)))

            let handed = try #require(fixture.store.endedRecord(of: watched.id), "the watched job's end is handed on")
            #expect(handed.status == .finished)
            #expect(handed == (try await fixture.store.job(watched.id)), "exactly what a read returns")
            #expect(fixture.store.endedRecord(of: unwatched.id) == nil, "no watcher, no record kept")
        }
    }

    @Test func endedRecordsAreKeptOnlyBriefly() async throws {
        let endings = RecentEndings(lifetime: .milliseconds(50))
        let record = JobRecord(id: "job-1", owner: "o", spec: StoreFixture.job().spec, status: .finished, createdAt: Date(), endedAt: Date())
        endings.keep(record)
        #expect(endings.record(of: "job-1") == record)
        #expect(endings.record(of: "job-2") == nil)
        try await Task.sleep(for: .milliseconds(120))
        #expect(endings.record(of: "job-1") == nil, "gone once its lifetime is over")
    }
}
