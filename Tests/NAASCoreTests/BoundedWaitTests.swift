import Synchronization
import Testing
import NAASCore

/// A result attempt that never answers must not hold the worker.
@Suite struct BoundedWaitTests {
    @Test func anAnswerInTimeIsReturned() async throws {
        #expect(try await awaiting(atMost: .seconds(5)) { 42 } == 42)
    }

    @Test func anErrorInTimeIsThrown() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await awaiting(atMost: .seconds(5)) { () async throws -> Int in throw Refused() } }
    }

    @Test func workThatNeverAnswersIsGivenUpAtTheLimit() async {
        let started = ContinuousClock.now
        await #expect(throws: WaitExpired.self) {
            try await awaiting(atMost: .milliseconds(200)) { () async throws -> Int in
                // Ignores cancellation, as a statement on a lost connection may.
                await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
                return 0
            }
        }
        // Returning at all is the point (the work never ends); the margin allows for a busy test machine.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func aLateAnswerIsDropped() async throws {
        let finished = Mutex(false)
        await #expect(throws: WaitExpired.self) {
            try await awaiting(atMost: .milliseconds(50)) { () async throws -> Int in
                try? await Task.sleep(for: .milliseconds(300))
                finished.withLock { $0 = true }
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(finished.withLock { $0 }, "the work ran on after the wait ended, and resuming twice did not crash")
    }
}
