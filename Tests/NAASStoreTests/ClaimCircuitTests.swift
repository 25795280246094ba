import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// The embedded store reads a job's device circuit in the transaction that
/// claims the job, so the worker makes no second trip to the store before it
/// connects. What the claim reports must be what `circuitGate` would answer.
@Suite struct ClaimCircuitTests {
    let refused = JobOutcome.deviceFailed(DeviceFailure(.connectionRefused, "refused"))

    @Test func aClaimReportsClosedOpenAndOneProbeLikeTheGate() async throws {
        try await StoreFixture.with(.sqlite, protection: ProtectionPolicy(circuitThreshold: 1, circuitTimeout: 0.3)) { fixture in
            try await fixture.store.enqueue(StoreFixture.job(port: 2201))
            #expect(try #require(try await fixture.store.claimNext()).circuit == .closed)

            _ = try await fixture.run(port: 2201, refused)
            try await fixture.store.enqueue(StoreFixture.job(port: 2201))
            try await fixture.store.enqueue(StoreFixture.job(port: 2202))
            guard case .open(_, let failures)? = try #require(try await fixture.store.claimNext()).circuit else {
                Issue.record("a claim for a device whose circuit is open must say so")
                return
            }
            #expect(failures == 1)
            #expect(try #require(try await fixture.store.claimNext()).circuit == .closed, "other devices are not affected")

            try await Task.sleep(for: .milliseconds(400))
            try await fixture.store.enqueue(StoreFixture.job(port: 2201))
            try await fixture.store.enqueue(StoreFixture.job(port: 2201))
            #expect(try #require(try await fixture.store.claimNext()).circuit == .probe)
            guard case .open? = try #require(try await fixture.store.claimNext()).circuit else {
                Issue.record("only one job probes a half-open circuit")
                return
            }
            guard case .open = try await fixture.store.circuitGate(device: "192.0.2.1:2201", at: Date()) else {
                Issue.record("the gate must see the probe the claim started")
                return
            }
        }
    }

    @Test func withoutACircuitBreakerAClaimLeavesTheGateToTheWorker() async throws {
        try await StoreFixture.with(.sqlite, protection: ProtectionPolicy(circuitThreshold: 0)) { fixture in
            try await fixture.store.enqueue(StoreFixture.job(port: 2201))
            #expect(try #require(try await fixture.store.claimNext()).circuit == nil)
        }
    }
}
