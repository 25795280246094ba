import Synchronization
import Testing
@testable import NAASStore

@Suite struct GroupCommitTests {
    /// Records each group written; the first write waits until `release` is called.
    final class Recorder: Sendable {
        let groups = Mutex<[[Int]]>([])
        let gate = Mutex<CheckedContinuation<Void, Never>?>(nil)
        let firstWriteStarted = Mutex(false)

        func write(_ items: [Int]) async throws -> [Int] {
            let isFirst = groups.withLock { groups in
                groups.append(items)
                return groups.count == 1
            }
            if isFirst {
                await withCheckedContinuation { continuation in
                    gate.withLock { $0 = continuation }
                    firstWriteStarted.withLock { $0 = true }
                }
            }
            if items.contains(-1) { throw TestFailure.refused }
            return items.map { $0 * 10 }
        }

        func release() {
            gate.withLock { $0?.resume(); $0 = nil }
        }
    }

    enum TestFailure: Error { case refused }

    private func waitUntil(_ condition: () -> Bool) async {
        while !condition() { try? await Task.sleep(for: .milliseconds(1)) }
    }

    @Test func aLoneWriteIsAGroupOfItsOwn() async throws {
        let recorder = Recorder()
        let commit = GroupCommit<Int, Int> { try await recorder.write($0) }
        async let outcome = commit.submit(7)
        await waitUntil { recorder.firstWriteStarted.withLock { $0 } }
        recorder.release()
        #expect(try await outcome == 70)
        #expect(try await commit.submit(8) == 80)
        #expect(recorder.groups.withLock { $0 } == [[7], [8]])
    }

    @Test func writesArrivingDuringACommitGoTogetherInTheNext() async throws {
        let recorder = Recorder()
        let commit = GroupCommit<Int, Int> { try await recorder.write($0) }
        async let first = commit.submit(1)
        await waitUntil { recorder.firstWriteStarted.withLock { $0 } }
        let later = (2...6).map { item in Task { try await commit.submit(item) } }
        // Let every later caller queue up behind the write in flight.
        try await Task.sleep(for: .milliseconds(100))
        recorder.release()
        #expect(try await first == 10)
        for (index, task) in later.enumerated() { #expect(try await task.value == (index + 2) * 10) }
        let groups = recorder.groups.withLock { $0 }
        #expect(groups.first == [1])
        #expect(groups.dropFirst().flatMap { $0 }.sorted() == [2, 3, 4, 5, 6])
        #expect(groups.count == 2)
    }

    @Test func aFailedGroupFailsItsCallersAndTheNextGroupStillCommits() async throws {
        let recorder = Recorder()
        let commit = GroupCommit<Int, Int> { try await recorder.write($0) }
        async let first = commit.submit(1)
        await waitUntil { recorder.firstWriteStarted.withLock { $0 } }
        let doomed = [Task { try await commit.submit(-1) }, Task { try await commit.submit(2) }]
        try await Task.sleep(for: .milliseconds(100))
        recorder.release()
        #expect(try await first == 10)
        for task in doomed { await #expect(throws: TestFailure.refused) { try await task.value } }
        #expect(try await commit.submit(3) == 30)
    }
}
