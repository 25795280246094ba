import Foundation
import NAASCore
import Testing
@testable import NAASStore

@Suite struct JobStoreTests {
    @Test(arguments: StoreEngine.all)
    func claimsInSubmissionOrderAndOnlyOnce(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let ids = (0..<5).map { _ in UUID().uuidString.lowercased() }
            for id in ids { try await fixture.store.enqueue(StoreFixture.job(id)) }
            var claimed: [String] = []
            while let job = try await fixture.store.claimNext() { claimed.append(job.id) }
            #expect(claimed == ids)
            #expect(try await fixture.store.queueDepth() == 0)
        }
    }

    @Test(arguments: StoreEngine.all)
    func concurrentClaimersNeverShareAJob(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            for _ in 0..<40 { try await fixture.store.enqueue(StoreFixture.job()) }
            let store = fixture.store
            let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [String] = []
                        while let job = try await store.claimNext() { mine.append(job.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 40)
            #expect(Set(claimed).count == 40)
        }
    }

    @Test(arguments: StoreEngine.all)
    func duplicateIDIsRefusedAndTheFirstJobKept(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let id = UUID().uuidString.lowercased()
            try await fixture.store.enqueue(StoreFixture.job(id, owner: "first"))
            await #expect(throws: StoreError.duplicateJobID(id)) {
                try await fixture.store.enqueue(StoreFixture.job(id, owner: "second"))
            }
            #expect(try await fixture.store.job(id)?.owner == "first")
        }
    }

    @Test(arguments: StoreEngine.all)
    func aBurstOfSubmissionsCommitsEachOnceAndRefusesOnlyTheDuplicate(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture async throws in
            let shared = UUID().uuidString.lowercased()
            let ids = (0..<60).map { _ in UUID().uuidString.lowercased() } + [shared, shared]
            let store = fixture.store
            let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
                for id in ids {
                    group.addTask {
                        do {
                            try await store.enqueue(StoreFixture.job(id))
                            return (id, true)
                        } catch {
                            return (id, false)
                        }
                    }
                }
                return await group.reduce(into: [(String, Bool)]()) { $0.append($1) }
            }
            #expect(outcomes.filter { !$0.1 }.map(\.0) == [shared])
            #expect(try await fixture.store.queueDepth() == 61)
        }
    }

    @Test(arguments: StoreEngine.all)
    func claimedJobCarriesDecryptedCredentials(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            try await fixture.store.enqueue(StoreFixture.job(password: "dev-pw-42"))
            let job = try #require(try await fixture.store.claimNext())
            #expect(job.credentials.password == "dev-pw-42")
            #expect(job.credentials.enableSecret == "en-dev-pw-42")
        }
    }

    @Test(arguments: StoreEngine.all)
    func secretsNeverReachTheDatabaseInPlaintext(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let canary = "plaintext-canary-991"
            try await fixture.store.enqueue(StoreFixture.job(password: canary))
            let content = try await fixture.location.persistedContent()
            // The job row is there to be scanned: its owner is in plain text.
            #expect(content.range(of: Data("owner-a".utf8)) != nil)
            #expect(content.range(of: Data(canary.utf8)) == nil)
            // PostgreSQL shows bytea as hex: plaintext credentials would appear so.
            let hex = canary.utf8.map { String(format: "%02x", $0) }.joined()
            #expect(content.range(of: Data(hex.utf8)) == nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func finishingErasesCredentialsAndRecordsOutput(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let id = UUID().uuidString.lowercased()
            try await fixture.store.enqueue(StoreFixture.job(id))
            _ = try await fixture.store.claimNext()
            #expect(try await !fixture.store.credentialsAreErased(id))
            try await fixture.store.finish(id, outcome: .succeeded(.commands([CommandOutput(command: "show version", output: "IOS 15")])))
            let job = try #require(try await fixture.store.job(id))
            #expect(job.status == .finished)
            #expect(job.output == .commands([CommandOutput(command: "show version", output: "IOS 15")]))
            #expect(job.startedAt != nil && job.endedAt != nil)
            #expect(try await fixture.store.credentialsAreErased(id))
        }
    }

    @Test(arguments: StoreEngine.all)
    func deviceFailureFinishesWithACode(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let id = UUID().uuidString.lowercased()
            try await fixture.store.enqueue(StoreFixture.job(id))
            _ = try await fixture.store.claimNext()
            try await fixture.store.finish(id, outcome: .deviceFailed(DeviceFailure(.authFailure, "denied")))
            let job = try #require(try await fixture.store.job(id))
            #expect(job.status == .finished)
            #expect(job.output == nil)
            #expect(job.errorCode == .authFailure)
            #expect(job.error == "denied")
        }
    }

    @Test(arguments: StoreEngine.all)
    func onlyQueuedJobsCancel(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let first = UUID().uuidString.lowercased()
            let second = UUID().uuidString.lowercased()
            try await fixture.store.enqueue(StoreFixture.job(first))
            try await fixture.store.enqueue(StoreFixture.job(second))
            _ = try await fixture.store.claimNext()
            #expect(try await fixture.store.cancel(first) == .notCancelable(.started))
            #expect(try await fixture.store.cancel(second) == .canceled)
            #expect(try await fixture.store.cancel(second) == .notCancelable(.canceled))
            #expect(try await fixture.store.cancel(UUID().uuidString) == .notFound)
            #expect(try await fixture.store.claimNext() == nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func interruptedJobsFailAndAreNotClaimedAgain(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let running = UUID().uuidString.lowercased()
            let waiting = UUID().uuidString.lowercased()
            try await fixture.store.enqueue(StoreFixture.job(running))
            try await fixture.store.enqueue(StoreFixture.job(waiting))
            _ = try await fixture.store.claimNext()
            #expect(try await fixture.store.failInterruptedJobs(reason: "restart") == [running])
            #expect(try await fixture.store.job(running)?.status == .failed)
            #expect(try await fixture.store.job(running)?.error == "restart")
            #expect(try await fixture.store.credentialsAreErased(running))
            #expect(try await fixture.store.claimNext()?.id == waiting)
        }
    }

    @Test(arguments: StoreEngine.all)
    func expiredResultsArePurged(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine, retention: RetentionPolicy(succeeded: 10, failed: 100)) { fixture in
            let ok = UUID().uuidString.lowercased()
            let bad = UUID().uuidString.lowercased()
            for id in [ok, bad] { try await fixture.store.enqueue(StoreFixture.job(id)) }
            _ = try await fixture.store.claimNext()
            _ = try await fixture.store.claimNext()
            try await fixture.store.finish(ok, outcome: .succeeded(.config("done")))
            try await fixture.store.finish(bad, outcome: .crashed("boom"))
            #expect(try await fixture.store.purgeExpired(now: Date().addingTimeInterval(50)) == 1)
            #expect(try await fixture.store.job(ok) == nil)
            #expect(try await fixture.store.job(bad) != nil)
            #expect(try await fixture.store.purgeExpired(now: Date().addingTimeInterval(500)) == 1)
        }
    }

    @Test(arguments: StoreEngine.all)
    func listingIsPerOwnerNewestFirstAndPaged(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            var mine: [String] = []
            for index in 0..<5 {
                let id = UUID().uuidString.lowercased()
                try await fixture.store.enqueue(StoreFixture.job(id, owner: "me"))
                mine.append(id)
                if index == 2 { try await fixture.store.enqueue(StoreFixture.job(owner: "someone-else")) }
            }
            let first = try await fixture.store.jobs(owner: "me", status: nil, page: 1, perPage: 2)
            #expect(first.total == 5)
            #expect(first.jobs.map(\.id) == [mine[4], mine[3]])
            let last = try await fixture.store.jobs(owner: "me", status: nil, page: 3, perPage: 2)
            #expect(last.jobs.map(\.id) == [mine[0]])
            #expect(try await fixture.store.jobs(owner: "me", status: .finished, page: 1, perPage: 20).total == 0)
            #expect(try await fixture.store.jobs(owner: "me", status: .queued, page: 1, perPage: 20).total == 5)
        }
    }

    @Test(arguments: StoreEngine.all)
    func ownerFingerprintIsSaltedAndStable(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { one in
            try await StoreFixture.with(engine) { two in
                let a = one.store.ownerFingerprint(username: "ops", password: "pw")
                #expect(a == one.store.ownerFingerprint(username: "ops", password: "pw"))
                #expect(a != one.store.ownerFingerprint(username: "ops", password: "pw2"))
                #expect(a != one.store.ownerFingerprint(username: "op", password: "spw"))
                #expect(a != two.store.ownerFingerprint(username: "ops", password: "pw"))
                #expect(!a.contains("pw"))
            }
        }
    }

    @Test(arguments: StoreEngine.all)
    func fingerprintsOfPartsKeepTheirBoundaries(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { one in
            try await StoreFixture.with(engine) { two in
                let a = one.store.fingerprint(of: ["ab", "c"])
                #expect(a == one.store.fingerprint(of: ["ab", "c"]))
                #expect(a != one.store.fingerprint(of: ["a", "bc"]))
                #expect(a != one.store.fingerprint(of: ["abc"]))
                #expect(a != two.store.fingerprint(of: ["ab", "c"]))
                #expect(a.count == 64)
            }
        }
    }
}
