import Foundation
import Synchronization
import Testing
@testable import NAASStore

@Suite struct RequestTallyTests {
    /// A store that takes its time, so counts arrive while a flush is under way.
    private func slowTally(_ delay: Duration) -> RequestTally {
        RequestTally(flushInterval: .milliseconds(10)) { counts in
            try await Task.sleep(for: delay)
            return counts  // this store had nothing before: the totals are the counts
        }
    }

    @Test func countsBeingFlushedStillCount() async throws {
        let tally = slowTally(.milliseconds(300))
        #expect(tally.count(["a"], windowStart: 0) == [1])
        #expect(tally.count(["a"], windowStart: 0) == [2])
        try await Task.sleep(for: .milliseconds(100))  // the flush of those two is now in flight
        #expect(tally.count(["a"], windowStart: 0) == [3])
        try await Task.sleep(for: .milliseconds(400))  // it landed: the store holds 2, one more is pending
        #expect(tally.count(["a"], windowStart: 0) == [4])
    }

    @Test func aNewWindowStartsFromOne() {
        let tally = slowTally(.zero)
        #expect(tally.count(["a", "b"], windowStart: 0) == [1, 1])
        #expect(tally.count(["a"], windowStart: 60) == [1])
    }

    @Test func aFailedFlushKeepsItsCountsForTheNext() async throws {
        let calls = CallCounter()
        let tally = RequestTally(flushInterval: .milliseconds(10)) { counts in
            guard calls.next() > 1 else { throw CancellationError() }
            return counts
        }
        _ = tally.count(["a"], windowStart: 0)
        try await Task.sleep(for: .milliseconds(200))
        #expect(tally.count(["a"], windowStart: 0) == [2])
    }
}

private final class CallCounter: Sendable {
    private let calls = Mutex(0)
    func next() -> Int { calls.withLock { $0 += 1; return $0 } }
}
