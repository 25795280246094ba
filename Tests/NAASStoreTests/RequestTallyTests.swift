import Foundation
import Synchronization
import Testing
@testable import NAASStore

/// How long a test waits for a flush before giving up. Suites run in parallel
/// on the cooperative pool, and on a 2-core machine the contract suites keep
/// both of its threads busy for about ten seconds, so a background flush can
/// wait that long to start (a 10 s bound failed in a full run).
let starvedPoolBound: Duration = .seconds(120)

@Suite struct RequestTallyTests {
    @Test func countsBeingFlushedStillCount() async throws {
        let store = FakeCountStore()
        let tally = RequestTally(flushInterval: .milliseconds(1), writer: store.add)
        #expect(tally.count(["a"], windowStart: 0) == [1])
        #expect(tally.count(["a"], windowStart: 0) == [2])
        try await store.waitUntilAWriteIsHeld()  // the flush of those two is now in flight
        #expect(tally.count(["a"], windowStart: 0) == [3])
        store.release()
        await tally.drained(timeout: starvedPoolBound)
        #expect(store.total("a") == 3)
        #expect(tally.count(["a"], windowStart: 0) == [4])
    }

    @Test func aNewWindowStartsFromOne() {
        let tally = RequestTally(writer: FakeCountStore(open: true).add)
        #expect(tally.count(["a", "b"], windowStart: 0) == [1, 1])
        #expect(tally.count(["a"], windowStart: 60) == [1])
    }

    @Test func aFailedFlushKeepsItsCountsForTheNext() async throws {
        let store = FakeCountStore(open: true, failures: 1)
        let tally = RequestTally(flushInterval: .milliseconds(1), writer: store.add)
        _ = tally.count(["a"], windowStart: 0)
        await tally.drained(timeout: starvedPoolBound)
        #expect(store.total("a") == 1)
        #expect(tally.count(["a"], windowStart: 0) == [2])
    }
}

/// Stands in for the database: adds counts to totals, and can hold writes
/// until released or fail the first few.
private final class FakeCountStore: Sendable {
    private struct State {
        var totals: [String: Int] = [:]
        var open: Bool
        var held = false
        var failures: Int
    }

    private let state: Mutex<State>

    init(open: Bool = false, failures: Int = 0) {
        state = Mutex(State(open: open, failures: failures))
    }

    var add: RequestTally.Writer {
        { [self] counts in
            while !state.withLock({ $0.held = true; return $0.open }) {
                try await Task.sleep(for: .milliseconds(1))
            }
            return try state.withLock { state in
                if state.failures > 0 {
                    state.failures -= 1
                    throw CancellationError()
                }
                var totals: [RequestTally.Key: Int] = [:]
                for (key, count) in counts {
                    state.totals[key.subject, default: 0] += count
                    totals[key] = state.totals[key.subject]
                }
                return totals
            }
        }
    }

    func waitUntilAWriteIsHeld() async throws {
        let deadline = ContinuousClock.now + starvedPoolBound
        while !state.withLock({ $0.held }) {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    func release() { state.withLock { $0.open = true } }
    func total(_ subject: String) -> Int { state.withLock { $0.totals[subject, default: 0] } }
}
