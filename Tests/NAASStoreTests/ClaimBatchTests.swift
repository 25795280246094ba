import Crypto
import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// A worker claims many jobs in one trip to the store: in queue order, never
/// more than asked, and never one job to two claimers.
@Suite struct ClaimBatchTests {
    @Test(arguments: StoreEngine.all)
    func aClaimTakesTheOldestJobsUpToItsLimitInQueueOrder(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            var queued: [String] = []
            for _ in 0..<5 {
                let job = StoreFixture.job()
                try await fixture.store.enqueue(job)
                queued.append(job.id)
            }
            #expect(try await fixture.store.claim(upTo: 0, contexts: nil, lease: nil).isEmpty)
            let first = try await fixture.store.claim(upTo: 3, contexts: nil, lease: nil)
            #expect(first.map(\.id) == Array(queued[0..<3]))
            let rest = try await fixture.store.claim(upTo: 10, contexts: nil, lease: nil)
            #expect(rest.map(\.id) == Array(queued[3...]), "fewer than asked when the queue holds fewer")
            #expect(try await fixture.store.claim(upTo: 10, contexts: nil, lease: nil).isEmpty)
            for id in queued {
                #expect(try await fixture.store.job(id)?.status == .started)
            }
        }
    }

    @Test(arguments: StoreEngine.all)
    func aClaimTakesOnlyTheContextsItServes(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let lab = StoreFixture.job(context: "lab")
            let core = StoreFixture.job(context: "core")
            try await fixture.store.enqueue(lab)
            try await fixture.store.enqueue(core)
            #expect(try await fixture.store.claim(upTo: 5, contexts: ["core"], lease: nil).map(\.id) == [core.id])
            #expect(try await fixture.store.claim(upTo: 5, contexts: [], lease: nil).isEmpty)
            #expect(try await fixture.store.job(lab.id)?.status == .queued)
        }
    }

    @Test(arguments: StoreEngine.all)
    func claimersRacingForBatchesNeverShareAJob(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            var queued: Set<String> = []
            for _ in 0..<24 {
                let job = StoreFixture.job()
                try await fixture.store.enqueue(job)
                queued.insert(job.id)
            }
            let store = fixture.store
            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [String] = []
                        while true {
                            let batch = try await store.claim(upTo: 5, contexts: nil, lease: nil)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(claims.count == queued.count, "each job claimed exactly once")
            #expect(Set(claims) == queued)
        }
    }
}

/// A job whose login the claiming process cannot decrypt ends at once, saying
/// why, and does not take the rest of its claim down with it.
@Suite struct UnreadableClaimTests {
    @Test(arguments: StoreEngine.all)
    func aJobSealedWithAnotherKeyFailsAloneAndTheRestOfTheClaimRuns(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let rekeyed = try await fixture.sibling(vault: CredentialVault(key: SymmetricKey(size: .bits256)))
            let foreign = StoreFixture.job()
            try await rekeyed.enqueue(foreign)
            let mine = StoreFixture.job()
            try await fixture.store.enqueue(mine)

            let claimed = try await fixture.store.claim(upTo: 5, contexts: nil, lease: nil)
            #expect(claimed.map(\.id) == [mine.id])
            let failed = try #require(try await fixture.store.job(foreign.id))
            #expect(failed.status == .failed)
            #expect(failed.error?.contains("NAAS_ENCRYPTION_KEY") == true, "the error says why: \(failed.error ?? "none")")
        }
    }
}
