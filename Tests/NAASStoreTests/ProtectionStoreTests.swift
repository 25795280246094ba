import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// The circuit breaker, the lockouts and the rate windows, on real stores of every engine.
@Suite struct ProtectionStoreTests {
    let refused = JobOutcome.deviceFailed(DeviceFailure(.connectionRefused, "refused"))
    let denied = JobOutcome.deviceFailed(DeviceFailure(.authFailure, "bad password"))
    let device = "192.0.2.1:2201"

    @Test(arguments: StoreEngine.all)
    func circuitOpensAtTheThresholdThenLetsOneProbeThroughAfterTheTimeout(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine, protection: ProtectionPolicy(circuitThreshold: 3, circuitTimeout: 30)) { fixture in
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
    }

    @Test(arguments: StoreEngine.all)
    func aFailedProbeReopensTheCircuit(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine, protection: ProtectionPolicy(circuitThreshold: 1, circuitTimeout: 0.1)) { fixture in
            _ = try await fixture.run(port: 2201, refused)
            #expect(try await fixture.store.circuitGate(device: device, at: Date().addingTimeInterval(1)) == .probe)
            let events = try await fixture.run(port: 2201, refused)
            guard case .circuitOpened? = events.first else {
                Issue.record("a failed probe must reopen the circuit: \(events)")
                return
            }
        }
    }

    /// A job that was already running when the circuit opened reports its failure late:
    /// that must not cut the timeout short and let the next job probe at once.
    @Test(arguments: StoreEngine.all)
    func aFailureReportedWhileOpenKeepsTheTimeout(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine, protection: ProtectionPolicy(circuitThreshold: 1, circuitTimeout: 30)) { fixture in
            let straggler = StoreFixture.job(port: 2201)
            try await fixture.store.enqueue(straggler)
            _ = try await fixture.store.claimNext()
            _ = try await fixture.run(port: 2201, refused)
            #expect(try await fixture.store.finish(straggler.id, outcome: refused).isEmpty)
            guard case .open(_, let failures) = try await fixture.store.circuitGate(device: device, at: Date().addingTimeInterval(1)) else {
                Issue.record("the circuit must stay open until its timeout")
                return
            }
            #expect(failures == 2)
            #expect(try await fixture.store.circuitGate(device: device, at: Date().addingTimeInterval(31)) == .probe)
        }
    }

    @Test(arguments: StoreEngine.all)
    func exactlyOneProbeAcrossStoresSharingTheDatabase(_ engine: StoreEngine) async throws {
        let policy = ProtectionPolicy(circuitThreshold: 1, circuitTimeout: 30)
        try await StoreFixture.with(engine, protection: policy) { fixture in
            _ = try await fixture.run(port: 2201, refused)
            let stores = [fixture.store, try await fixture.sibling(protection: policy), try await fixture.sibling(protection: policy)]
            let (device, later) = (self.device, Date().addingTimeInterval(31))
            let gates = try await withThrowingTaskGroup(of: CircuitGate.self) { group in
                for index in 0..<24 {
                    let store = stores[index % stores.count]
                    group.addTask { try await store.circuitGate(device: device, at: later) }
                }
                return try await group.reduce(into: [CircuitGate]()) { $0.append($1) }
            }
            #expect(gates.filter { $0 == .probe }.count == 1)
            #expect(gates.allSatisfy { gate in
                if case .open = gate { return true }
                return gate == .probe
            })
        }
    }

    @Test(arguments: StoreEngine.all)
    func aDeviceThatAnswersResetsTheFailureCount(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine, protection: ProtectionPolicy(circuitThreshold: 2)) { fixture in
            _ = try await fixture.run(port: 2201, refused)
            _ = try await fixture.run(port: 2201, denied)  // the device answered: it is reachable
            #expect(try await fixture.run(port: 2201, refused).isEmpty)
            #expect(try await fixture.store.circuitGate(device: device, at: Date()) == .closed)
        }
    }

    @Test(arguments: StoreEngine.all)
    func deviceLockoutAfterThresholdFailuresWithinTheWindow(_ engine: StoreEngine) async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 3, window: 60, duration: 120))
        try await StoreFixture.with(engine, protection: policy) { fixture in
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
    }

    /// Failures finished at once by several processes are each counted: the
    /// threshold is reached exactly when the last of them commits.
    @Test(arguments: StoreEngine.all)
    func failuresEndedAtOnceAcrossStoresReachTheThresholdOnce(_ engine: StoreEngine) async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 20, window: 600, duration: 600))
        try await StoreFixture.with(engine, protection: policy) { fixture in
            var stores = [fixture.store]
            for _ in 0..<3 { stores.append(try await fixture.sibling(protection: policy)) }
            var claimed: [String] = []
            for _ in 0..<20 {
                try await fixture.store.enqueue(StoreFixture.job(port: 2201))
                claimed.append(try #require(try await fixture.store.claimNext()).id)
            }
            let refused = self.refused
            let events = try await withThrowingTaskGroup(of: [ProtectionEvent].self) { group in
                for (index, id) in claimed.enumerated() {
                    let store = stores[index % stores.count]
                    group.addTask { try await store.finish(id, outcome: refused) }
                }
                return try await group.reduce(into: [ProtectionEvent]()) { $0 += $1 }
            }
            #expect(events.count == 1)
            guard case .deviceLockedOut(_, let failures, _)? = events.first else {
                Issue.record("20 concurrent failures must lock the device out once: \(events)")
                return
            }
            #expect(failures == 20)
        }
    }

    @Test(arguments: StoreEngine.all)
    func userLockoutCountsOnlyAuthenticationFailuresOfThatLogin(_ engine: StoreEngine) async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 0), userLockout: .init(threshold: 2))
        try await StoreFixture.with(engine, protection: policy) { fixture in
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
    }

    @Test(arguments: StoreEngine.all)
    func circuitStoppedJobsTeachNothing(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine, protection: ProtectionPolicy(circuitThreshold: 1, deviceLockout: .init(threshold: 1))) { fixture in
            let events = try await fixture.run(port: 2201, .deviceFailed(DeviceFailure(.circuitOpen, "open")))
            #expect(events.isEmpty)
            #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) == nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func requestCountsRestartWithEachWindow(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture async throws in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await fixture.store.countRequests(subjects: ["a", "b"], window: 60, at: start) == [1, 1])
            #expect(try await fixture.store.countRequests(subjects: ["a"], window: 60, at: start.addingTimeInterval(30)) == [2])
            #expect(try await fixture.store.countRequests(subjects: ["a"], window: 60, at: start.addingTimeInterval(61)) == [1])
        }
    }

    @Test(arguments: StoreEngine.all)
    func concurrentRequestsAreEachCountedOnce(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let now = Date()
            let store = fixture.store
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await store.countRequests(subjects: ["burst"], window: 3600, at: now)[0] }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts.sorted() == Array(1...50))
        }
    }

    @Test(arguments: StoreEngine.all)
    func countsReachTheStoreAndOtherProcessesSeeThem(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let other = try await fixture.sibling()
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
    }

    /// Requests counted at once by two processes all reach the shared window.
    @Test(arguments: StoreEngine.all)
    func countsOfTwoProcessesAddUpInTheStore(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let stores = [fixture.store, try await fixture.sibling()]
            let now = Date()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    let store = stores[index % 2]
                    group.addTask { _ = try await store.countRequests(subjects: ["fleet"], window: 3600, at: now) }
                }
                try await group.waitForAll()
            }
            for store in stores { await store.requestCounts.drained(timeout: starvedPoolBound) }
            // The first store's last flush may predate the second's: one more request and flush bring back the total.
            _ = try await fixture.store.countRequests(subjects: ["fleet"], window: 3600, at: now)
            await fixture.store.requestCounts.drained(timeout: starvedPoolBound)
            #expect(try await fixture.store.countRequests(subjects: ["fleet"], window: 3600, at: now) == [52])
        }
    }

    @Test(arguments: StoreEngine.all)
    func aLockoutWrittenHereIsSeenAtOnceAndElsewhereWithinASecond(_ engine: StoreEngine) async throws {
        let policy = ProtectionPolicy(circuitThreshold: 0, deviceLockout: .init(threshold: 1, window: 60, duration: 60))
        try await StoreFixture.with(engine, protection: policy) { fixture in
            let other = try await fixture.sibling(protection: policy)
            #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) == nil)
            #expect(try await other.lockedUntil(.device, subject: device, at: Date()) == nil)
            _ = try await fixture.run(port: 2201, refused)
            #expect(try await fixture.store.lockedUntil(.device, subject: device, at: Date()) != nil, "the writer sees it at once")
            #expect(try await other.lockedUntil(.device, subject: device, at: Date().addingTimeInterval(1.1)) != nil,
                    "another process within a second")
        }
    }
}
