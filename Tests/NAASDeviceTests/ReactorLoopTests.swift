import Foundation
import Testing
@testable import NAASDevice

#if canImport(Glibc)
import Glibc
#endif

/// The reactor with real sockets (socket pairs): sessions run on the loop's
/// thread, wait without holding it, and wake on readiness or at their deadline.
@Suite struct ReactorLoopTests {
    static let reactor = DeviceReactor(loops: 1)

    /// A connected pair of non-blocking stream sockets.
    static func socketPair() -> (Int32, Int32) {
        var ends: [Int32] = [0, 0]
        let made = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue), 0, &ends)
        precondition(made == 0)
        return (ends[0], ends[1])
    }

    @Test func aSessionRunsOnTheLoopsThreadFromItsFirstLine() async {
        let (atStart, afterWaiting) = await Self.reactor.run { loop in
            let atStart = loop.isCurrent
            try? await Task.sleep(for: .milliseconds(5))
            return (atStart, loop.isCurrent)
        }
        #expect(atStart && afterWaiting)
    }

    @Test func aWaitEndsWhenThePeerWrites() async {
        let (mine, peer) = Self.socketPair()
        defer { close(mine); close(peer) }
        let writer = Task.detached {
            try? await Task.sleep(for: .milliseconds(50))
            _ = write(peer, "x", 1)
        }
        let (ready, elapsed) = await Self.reactor.run { loop in
            let started = ContinuousClock.now
            let ready = await loop.wait(for: mine, .readable, until: .now + .seconds(5))
            return (ready, ContinuousClock.now - started)
        }
        await writer.value
        #expect(ready)
        #expect(elapsed >= .milliseconds(40) && elapsed < .seconds(4))
    }

    @Test func aWaitEndsAtItsDeadlineWhenNothingArrives() async {
        let (mine, peer) = Self.socketPair()
        defer { close(mine); close(peer) }
        let (ready, elapsed) = await Self.reactor.run { loop in
            let started = ContinuousClock.now
            let ready = await loop.wait(for: mine, .readable, until: .now + .milliseconds(120))
            return (ready, ContinuousClock.now - started)
        }
        #expect(!ready)
        #expect(elapsed >= .milliseconds(120) && elapsed < .seconds(2))
    }

    /// Hundreds of sessions waiting at once on one loop: none holds a thread,
    /// each wakes for its own socket, and the process gains no threads.
    @Test func manyWaitsShareOneThread() async {
        let count = 300
        let pairs = (0..<count).map { _ in Self.socketPair() }
        defer { for (mine, peer) in pairs { close(mine); close(peer) } }
        let threadsBefore = Self.threadCount()
        let woken = await withTaskGroup(of: Bool.self) { group in
            for (mine, _) in pairs {
                group.addTask { await Self.reactor.run { loop in await loop.wait(for: mine, .readable, until: .now + .seconds(10)) } }
            }
            try? await Task.sleep(for: .milliseconds(100))
            // Other suites running meanwhile may start a few threads; a thread per wait would be 300.
            #expect(Self.threadCount() < threadsBefore + 50)
            for (_, peer) in pairs { _ = write(peer, "x", 1) }
            var woken = 0
            for await ready in group where ready { woken += 1 }
            return woken
        }
        #expect(woken == count)
    }

    @Test func aWriteWaitEndsAtOnceOnAWritableSocket() async {
        let (mine, peer) = Self.socketPair()
        defer { close(mine); close(peer) }
        let ready = await Self.reactor.run { loop in await loop.wait(for: mine, .writable, until: .now + .seconds(5)) }
        #expect(ready)
    }

    static func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    }
}
