import Foundation
import NAASCore
import Testing
@testable import NAASStore

@Suite struct QueueWakeupTests {
    @Test(arguments: StoreEngine.all)
    func anEnqueueWakesTheStreamsOfItsContextOnly(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            #expect(await fixture.store.waitUntilListening())
            let lab = WakeupCounter(fixture.store.queueWakeups(contexts: ["lab"]))
            let other = WakeupCounter(fixture.store.queueWakeups(contexts: ["default"]))
            let everything = WakeupCounter(fixture.store.queueWakeups())
            defer { [lab, other, everything].forEach { $0.stop() } }
            // Each stream wakes once at the start, to look at the queue before it waits.
            #expect(await lab.reaches(1, within: .seconds(5)))
            #expect(await other.reaches(1, within: .seconds(5)))
            #expect(await everything.reaches(1, within: .seconds(5)))

            try await fixture.store.enqueue(StoreFixture.job(context: "lab"))
            #expect(await lab.reaches(2, within: .seconds(10)))
            #expect(await everything.reaches(2, within: .seconds(10)))
            // The default stream would have been woken by now, with the others.
            try await Task.sleep(for: .milliseconds(200))
            #expect(other.current == 1)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aWakeupReachesTheOtherStoresOfTheDatabaseWhereTheEngineSharesThem(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let other = try await fixture.sibling()
            #expect(await other.waitUntilListening())
            let counter = WakeupCounter(other.queueWakeups(contexts: ["default"]))
            defer { counter.stop() }
            #expect(await counter.reaches(1, within: .seconds(5)))

            try await fixture.store.enqueue(StoreFixture.job())
            if engine.sharesWakeupsAcrossStores {
                #expect(await counter.reaches(2, within: .seconds(10)), "NOTIFY must reach another process")
            } else {
                // SQLite tells only its own streams; another process finds the job by polling.
                try await Task.sleep(for: .milliseconds(300))
                #expect(counter.current == 1)
            }
        }
    }
}
