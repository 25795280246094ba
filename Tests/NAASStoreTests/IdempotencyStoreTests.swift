import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// Idempotency keys are scoped to their caller and expire; dedup keys hold one active job each.
@Suite struct IdempotencyStoreTests {
    private static func reservation(
        owner: String = "owner-a", key: String = "key-1", request: String = "request-1", job: String = UUID().uuidString,
        now: Date = Date(timeIntervalSince1970: 1_000)
    ) -> IdempotencyReservation {
        IdempotencyReservation(owner: owner, keyHash: key, requestHash: request, jobID: job, now: now, expiresAt: now + 86_400)
    }

    @Test(arguments: StoreEngine.all)
    func aKeyStandsForItsFirstJobPerCallerUntilItExpires(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            let first = Self.reservation(job: "job-1")
            #expect(try await store.reserveIdempotencyKey(first) == .reserved)
            #expect(try await store.reserveIdempotencyKey(Self.reservation(job: "job-2")) == .existing(jobID: "job-1", sameRequest: true))
            #expect(try await store.reserveIdempotencyKey(Self.reservation(request: "other", job: "job-3"))
                == .existing(jobID: "job-1", sameRequest: false))
            #expect(try await store.reserveIdempotencyKey(Self.reservation(owner: "owner-b", job: "job-4")) == .reserved,
                    "another caller's key of the same name is another key")
            let later = Self.reservation(job: "job-5", now: Date(timeIntervalSince1970: 1_000 + 86_401))
            #expect(try await store.reserveIdempotencyKey(later) == .reserved, "an expired key starts over")

            try await store.releaseIdempotencyKey(owner: "owner-b", keyHash: "key-1", jobID: "job-4")
            #expect(try await store.reserveIdempotencyKey(Self.reservation(owner: "owner-b", job: "job-6")) == .reserved)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aDedupKeyRefusesASecondActiveJobUntilTheFirstEnds(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            func job(_ key: String?) -> NewJob {
                let base = StoreFixture.job()
                return NewJob(id: base.id, owner: base.owner, spec: base.spec, credentials: base.credentials, dedupKey: key)
            }
            let first = job("same")
            try await fixture.store.enqueue(first)
            await #expect(throws: StoreError.duplicateOf(first.id)) { try await fixture.store.enqueue(job("same")) }
            await #expect(throws: StoreError.duplicateJobID(first.id), "a taken id wins over a duplicate") {
                try await fixture.store.enqueue(
                    NewJob(id: first.id, owner: first.owner, spec: first.spec, credentials: first.credentials, dedupKey: "same"))
            }
            try await fixture.store.enqueue(job("different"))
            try await fixture.store.enqueue(job(nil))
            try await fixture.store.enqueue(job(nil))

            _ = try await fixture.store.claimNext()
            await #expect(throws: StoreError.duplicateOf(first.id), "running still counts") {
                try await fixture.store.enqueue(job("same"))
            }
            try await fixture.store.finish(first.id, outcome: .succeeded(.commands([])))
            try await fixture.store.enqueue(job("same"))
            await #expect(throws: StoreError.duplicateJobID(first.id)) {
                try await fixture.store.enqueue(NewJob(id: first.id, owner: "x", spec: first.spec, credentials: first.credentials))
            }
        }
    }
}
