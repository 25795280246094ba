import Foundation
import NAASCore
import Synchronization
import Testing
@testable import NAASStore

/// A worker of the same process takes jobs in the transaction that inserts
/// them, while it has free slots: the same claim as its own, in queue order,
/// never more jobs than the slots it reserved, and every reserved slot accounted for.
@Suite struct InsertHandOffTests {
    @Test func aSubmissionToAWorkerWithAFreeSlotIsClaimedAsItCommitsAndWakesNoOne() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let taker = RecordingTaker(freeSlots: 2)
            fixture.store.handInsertedJobs(to: taker.taker)
            let wakeups = WakeupCounter(fixture.store.queueWakeups(contexts: ["default"]))
            defer { wakeups.stop() }
            #expect(await wakeups.reaches(1, within: .seconds(5)))

            let job = StoreFixture.job()
            try await fixture.store.enqueue(job)
            let handed = try #require(taker.handed.first)
            #expect(taker.handed.count == 1)
            #expect(handed.jobs.map(\.id) == [job.id])
            #expect(handed.unused == 1, "two slots reserved for a group of one job")
            #expect(handed.jobs.first?.credentials.password == "pw-123456", "the login is opened for the worker")
            #expect(try await fixture.store.job(job.id)?.status == .started)
            #expect(try await fixture.store.claimNext() == nil, "claimed once, never twice")
            try await Task.sleep(for: .milliseconds(200))
            #expect(wakeups.current == 1, "the queue holds nothing for the worker to look at")
            let lapsed = try await fixture.store.failExpiredLeases(now: Date().addingTimeInterval(60)) { JobLease.lostWorkerReason($0) }
            #expect(lapsed == [job.id], "held by the taker's lease")
            #expect(try await fixture.store.job(job.id)?.error == JobLease.lostWorkerReason("worker-1"))
        }
    }

    @Test func theTakerClaimsTheOldestQueuedJobFirstAndTheQueueIsToldOfTheRest() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let older = StoreFixture.job()
            try await fixture.store.enqueue(older)
            let taker = RecordingTaker(freeSlots: 1)
            fixture.store.handInsertedJobs(to: taker.taker)
            let wakeups = WakeupCounter(fixture.store.queueWakeups(contexts: ["default"]))
            defer { wakeups.stop() }
            #expect(await wakeups.reaches(1, within: .seconds(5)))

            let newer = StoreFixture.job()
            try await fixture.store.enqueue(newer)
            #expect(taker.handed.flatMap { $0.jobs.map(\.id) } == [older.id], "queue order holds")
            #expect(try await fixture.store.job(newer.id)?.status == .queued)
            #expect(await wakeups.reaches(2, within: .seconds(5)), "a job is left queued: the worker must hear of it")
        }
    }

    @Test func noFreeSlotOrAnotherContextLeavesTheJobQueuedForTheWorkersOwnClaim() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let full = RecordingTaker(freeSlots: 0)
            fixture.store.handInsertedJobs(to: full.taker)
            let busy = StoreFixture.job()
            try await fixture.store.enqueue(busy)
            #expect(full.handed.isEmpty, "nothing reserved, nothing to hand over")
            #expect(try await fixture.store.job(busy.id)?.status == .queued)

            let elsewhere = RecordingTaker(freeSlots: 4, contexts: ["lab"])
            fixture.store.handInsertedJobs(to: elsewhere.taker)
            try await fixture.store.enqueue(StoreFixture.job())
            #expect(elsewhere.reservations == 0, "a job of a context the worker does not serve reserves nothing")

            fixture.store.handInsertedJobs(to: nil)
            let later = StoreFixture.job(context: "lab")
            try await fixture.store.enqueue(later)
            #expect(elsewhere.handed.isEmpty, "a withdrawn taker takes nothing")
            #expect(try await fixture.store.job(later.id)?.status == .queued)
        }
    }

    @Test func aRefusedSubmissionGivesItsReservedSlotBack() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let first = StoreFixture.job()
            try await fixture.store.enqueue(first)
            let taker = RecordingTaker(freeSlots: 1)
            fixture.store.handInsertedJobs(to: taker.taker)
            await #expect(throws: StoreError.duplicateJobID(first.id)) {
                try await fixture.store.enqueue(StoreFixture.job(first.id))
            }
            #expect(taker.handed.count == 1)
            #expect(taker.handed.first?.jobs.isEmpty == true)
            #expect(taker.handed.first?.unused == 1)
            #expect(try await fixture.store.job(first.id)?.status == .queued, "nothing was inserted, so nothing was claimed")
        }
    }
}

/// A worker's side of the hand-off, recording what it was given.
private final class RecordingTaker: Sendable {
    struct Handed: Sendable {
        let jobs: [ClaimedJob]
        let unused: Int
    }

    private let state: Mutex<(free: Int, reservations: Int, handed: [Handed])>
    private let contexts: Set<String>

    init(freeSlots: Int, contexts: Set<String> = ["default"]) {
        state = Mutex((freeSlots, 0, []))
        self.contexts = contexts
    }

    var handed: [Handed] { state.withLock { $0.handed } }
    var reservations: Int { state.withLock { $0.reservations } }

    var taker: JobTaker {
        JobTaker(
            contexts: contexts, lease: JobLease(worker: "worker-1", duration: 15),
            reserve: { wanted in
                self.state.withLock { state in
                    state.reservations += 1
                    let granted = min(wanted, state.free)
                    state.free -= granted
                    return granted
                }
            },
            take: { jobs, unused in
                self.state.withLock { state in
                    state.free += unused
                    state.handed.append(Handed(jobs: jobs, unused: unused))
                }
            })
    }
}
