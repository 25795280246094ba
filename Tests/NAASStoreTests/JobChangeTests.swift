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
}
