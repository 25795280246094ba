import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// The circuit breaker, the lockouts and the rate windows, on a real SQLite store.
@Suite struct ProtectionStoreTests {
    let refused = JobOutcome.deviceFailed(DeviceFailure(.connectionRefused, "refused"))
    let denied = JobOutcome.deviceFailed(DeviceFailure(.authFailure, "bad password"))
    let device = "192.0.2.1:2201"

    @Test func circuitOpensAtTheThresholdThenLetsOneProbeThroughAfterTheTimeout() async throws {
        let fixture = try StoreFixture(protection: ProtectionPolicy(circuitThreshold: 3, circuitTimeout: 30))
        #expect(try await fixture.run(port: 2201, refused).isEmpty)
        #expect(try await fixture.run(port: 2201, refused).isEmpty)
        let events = try await fixture.run(port: 2201, refused)
        guard case .circuitOpened(let opened, let failures, _)? = events.first else {
            Issue.record("no circuit.opened after 3 failures: \(events)")
            return
        }
        #expect(opened == device && failures == 3)
        guard case .open = try await fixture.store.circuitGate(device: device, at: Date()) else {
            Issue.record("an open circuit must fail fast")
            return
        }
        #expect(try await fixture.store.circuitGate(device: "192.0.2.1:22", at: Date()) == .closed, "other devices are not affected")

        let later = Date().addingTimeInterval(31)
        #expect(try await fixture.store.circuitGate(device: device, at: later) == .probe)
        guard case .open = try await fixture.store.circuitGate(device: device, at: later) else {
            Issue.record("only one probe at a time while half-open")
            return
        }
        let closing = try await fixture.run(port: 2201, .succeeded(.commands([])))
        #expect(closing == [.circuitClosed(device: device)])
        #expect(try await fixture.store.circuitGate(device: device, at: later) == .closed)
    }

    @Test func aFailedProbeReopensTheCircuit() async throws {
        let fixture = try StoreFixture(protection: ProtectionPolicy(circuitThreshold: 1, circuitTimeout: 0.1))
        _ = try await fixture.run(port: 2201, refused)
        #expect(try await fixture.store.circuitGate(device: device, at: Date().addingTimeInterval(1)) == .probe)
        let events = try await fixture.run(port: 2201, refused)
        guard case .circuitOpened? = events.first else {
            Issue.record("a failed probe must reopen the circuit: \(events)")
            return
        }
    }

    @Test func aDeviceThatAnswersResetsTheFailureCount() async throws {
        let fixture = try StoreFixture(protection: ProtectionPolicy(circuitThreshold: 2))
        _ = try await fixture.run(port: 2201, refused)
        _ = try await fixture.run(port: 2201, denied)  // the device answered: it is reachable
        #expect(try await fixture.run(port: 2201, refused).isEmpty)
        #expect(try await fixture.store.circuitGate(device: device, at: Date()) == .closed)
    }

    @Test func deviceLockoutAfterThresholdFailuresWithinTheWindow() async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 3, window: 60, duration: 120))
        let fixture = try StoreFixture(protection: policy)
        #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) == nil)
        _ = try await fixture.run(port: 2201, denied)
        _ = try await fixture.run(port: 2201, refused)
        let events = try await fixture.run(port: 2201, denied)
        guard case .deviceLockedOut(let locked, let failures, let until)? = events.first else {
            Issue.record("no lockout after 3 failures: \(events)")
            return
        }
        #expect(locked == device && failures == 3)
        #expect(until.timeIntervalSinceNow > 100)
        #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) != nil)
        #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date().addingTimeInterval(121)) == nil)
        #expect(try await fixture.store.lockedUntil(.device, subject: "192.0.2.1:22", at: Date()) == nil)
    }

    @Test func userLockoutCountsOnlyAuthenticationFailuresOfThatLogin() async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 0), userLockout: .init(threshold: 2))
        let fixture = try StoreFixture(protection: policy)
        let alice = fixture.store.loginFingerprint("alice")
        _ = try await fixture.run(port: 2201, refused, loginSubject: alice)
        _ = try await fixture.run(port: 2201, denied, loginSubject: alice)
        #expect(try await fixture.store.lockedUntil(.user, subject: alice, at: Date()) == nil, "a refused connection is not a login failure")
        _ = try await fixture.run(port: 2201, denied, loginSubject: fixture.store.loginFingerprint("bob"))
        let events = try await fixture.run(port: 2201, denied, loginSubject: alice)
        #expect(events.count == 1)
        #expect(try await fixture.store.lockedUntil(.user, subject: alice, at: Date()) != nil)
        #expect(try await fixture.store.lockedUntil(.user, subject: fixture.store.loginFingerprint("bob"), at: Date()) == nil)
    }

    @Test func circuitStoppedJobsTeachNothing() async throws {
        let fixture = try StoreFixture(protection: ProtectionPolicy(circuitThreshold: 1, deviceLockout: .init(threshold: 1)))
        let events = try await fixture.run(port: 2201, .deviceFailed(DeviceFailure(.circuitOpen, "open")))
        #expect(events.isEmpty)
        #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) == nil)
    }

    @Test func requestCountsRestartWithEachWindow() async throws {
        let fixture = try StoreFixture()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await fixture.store.countRequests(subjects: ["a", "b"], window: 60, at: start) == [1, 1])
        #expect(try await fixture.store.countRequests(subjects: ["a"], window: 60, at: start.addingTimeInterval(30)) == [2])
        #expect(try await fixture.store.countRequests(subjects: ["a"], window: 60, at: start.addingTimeInterval(61)) == [1])
    }

    @Test func concurrentRequestsAreEachCountedOnce() async throws {
        let fixture = try StoreFixture()
        let now = Date()
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<50 {
                group.addTask { try await fixture.store.countRequests(subjects: ["burst"], window: 3600, at: now)[0] }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.sorted() == Array(1...50))
    }

    @Test func countsReachTheStoreAndOtherProcessesSeeThem() async throws {
        let fixture = try StoreFixture()
        let other = try fixture.sibling()
        let now = Date()
        for _ in 0..<3 { _ = try await fixture.store.countRequests(subjects: ["shared"], window: 3600, at: now) }
        await fixture.store.requestCounts.drained(timeout: starvedPoolBound)
        // The other process counts its first request alone, until its own flush brings back the store's total.
        #expect(try await other.countRequests(subjects: ["shared"], window: 3600, at: now) == [1])
        await other.requestCounts.drained(timeout: starvedPoolBound)
        #expect(try await other.countRequests(subjects: ["shared"], window: 3600, at: now) == [5])
        // This one has not flushed since the other counted: its own three and this request, until its next flush.
        #expect(try await fixture.store.countRequests(subjects: ["shared"], window: 3600, at: now) == [4])
    }

    @Test func aLockoutWrittenHereIsSeenAtOnceAndElsewhereWithinASecond() async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 1, window: 60, duration: 60))
        let fixture = try StoreFixture(protection: policy)
        let other = try fixture.sibling(protection: policy)
        #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) == nil)
        #expect(try await other.lockedUntil(.device, subject: device, at: Date()) == nil)
        _ = try await fixture.run(port: 2201, refused)
        #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) != nil, "the writer sees it at once")
        #expect(try await other.lockedUntil(.device, subject: device, at: Date().addingTimeInterval(1.1)) != nil,
                "another process within a second")
    }
}
