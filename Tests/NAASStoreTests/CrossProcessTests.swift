import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// Several stores on one database, as a fleet of processes shares it.
@Suite struct CrossProcessTests {
    @Test(arguments: StoreEngine.all)
    func claimersOfSeveralStoresClaimEachJobExactlyOnce(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let stores = [fixture.store, try await fixture.sibling(), try await fixture.sibling()]
            var enqueued: [String] = []
            for index in 0..<60 {
                let job = StoreFixture.job(context: index.isMultiple(of: 3) ? "lab" : "default")
                try await stores[index % stores.count].enqueue(job)
                enqueued.append(job.id)
            }
            let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
                for (index, store) in stores.enumerated() {
                    for claimer in 0..<2 {
                        let lease = JobLease(worker: "w\(index)-\(claimer)", duration: 60)
                        group.addTask {
                            var mine: [String] = []
                            while let job = try await store.claimNext(contexts: ["default", "lab"], lease: lease) { mine.append(job.id) }
                            return mine
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(claimed.count == 60)
            #expect(Set(claimed) == Set(enqueued))
            #expect(try await fixture.store.queueDepth() == 0)
        }
    }

    @Test(arguments: StoreEngine.all)
    func everyStoreOnADatabaseSharesItsFingerprintSalt(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let other = try await fixture.sibling()
            #expect(other.ownerFingerprint(username: "ops", password: "pw") == fixture.store.ownerFingerprint(username: "ops", password: "pw"))
            #expect(other.loginFingerprint("alice") == fixture.store.loginFingerprint("alice"))
        }
    }

    @Test(arguments: StoreEngine.all)
    func aJobEnqueuedInOneStoreIsClaimedAndEndedThroughAnother(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let other = try await fixture.sibling()
            let job = StoreFixture.job(password: "shared-key-pw")
            try await fixture.store.enqueue(job)
            let claimed = try #require(try await other.claimNext(contexts: ["default"], lease: JobLease(worker: "w", duration: 60)))
            #expect(claimed.credentials.password == "shared-key-pw")
            try await other.finish(job.id, outcome: .succeeded(.commands([])))
            #expect(try await fixture.store.job(job.id)?.status == .finished)
        }
    }
}
