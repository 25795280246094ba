import CEpoll
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One thread that waits on many device sockets at once (epoll) and runs the
/// sessions whose sockets it watches.
///
/// It is a Swift task executor: a job runs its device session under
/// `withTaskExecutorPreference(loop)`, so every synchronous stretch of the
/// session — libssh's calls, prompt matching — runs on this thread, never on
/// the cooperative pool, and a session waiting for its device holds no
/// thread at all: it is a continuation parked on its socket until epoll says
/// the socket is ready or its deadline passes.
public final class ReactorLoop: TaskExecutor, @unchecked Sendable {
    /// What a session waits for on its socket.
    public struct Interest: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let readable = Interest(rawValue: EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
        public static let writable = Interest(rawValue: EPOLLOUT.rawValue)
    }

    fileprivate struct Waiter {
        let deadline: ContinuousClock.Instant
        let continuation: UnsafeContinuation<Bool, Never>
    }

    fileprivate struct State {
        var jobs: [UnownedJob] = []
        var waiters: [Int32: Waiter] = [:]
        /// In `epoll_wait` with a timeout: whoever adds work must wake it.
        var sleeping = false
    }

    public let name: String
    private let poller: Int32
    private let wakeup: Int32
    /// Every mutable part: the loop's thread and any thread that enqueues a task or parks a session share it.
    private let state = Mutex(State())
    private let sessionCount = Atomic<Int>(0)
    /// The loop's own thread, once it runs.
    private let thread = Mutex<pthread_t?>(nil)

    init(name: String) {
        self.name = name
        poller = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeup = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        precondition(poller >= 0 && wakeup >= 0, "the device reactor could not create its epoll instance: \(errno)")
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = wakeup
        epoll_ctl(poller, EPOLL_CTL_ADD, wakeup, &event)
        let thread = Thread { [self] in self.run() }
        thread.name = name
        thread.start()
    }

    /// True when called on this loop's thread.
    public var isCurrent: Bool {
        guard let thread = thread.withLock({ $0 }) else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    /// Sessions currently running on this loop, to spread new ones evenly.
    var load: Int { sessionCount.load(ordering: .relaxed) }

    /// Runs `operation` on this loop's thread, counted in its load.
    func running<Value: Sendable>(_ operation: @Sendable () async -> Value) async -> Value {
        sessionCount.add(1, ordering: .relaxed)
        defer { sessionCount.subtract(1, ordering: .relaxed) }
        return await withTaskExecutorPreference(self, operation: operation)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let wake = state.withLock { state in
            state.jobs.append(job)
            return state.wokeUp()
        }
        if wake { signal() }
    }

    /// Waits until `socket` is ready for `interest` or `deadline` passes;
    /// true when it is ready. Holds no thread meanwhile.
    public func wait(for socket: Int32, _ interest: Interest, until deadline: ContinuousClock.Instant) async -> Bool {
        await withUnsafeContinuation { continuation in
            let wake = state.withLock { state in
                state.waiters[socket] = Waiter(deadline: deadline, continuation: continuation)
                return state.wokeUp()
            }
            var event = epoll_event()
            event.events = interest.rawValue | EPOLLONESHOT.rawValue
            event.data.fd = socket
            if epoll_ctl(poller, EPOLL_CTL_ADD, socket, &event) != 0,
               errno != EEXIST || epoll_ctl(poller, EPOLL_CTL_MOD, socket, &event) != 0 {
                // A socket epoll refuses is reported ready, so the caller's next call meets its error.
                if let waiter = state.withLock({ $0.waiters.removeValue(forKey: socket) }) {
                    waiter.continuation.resume(returning: true)
                }
                return
            }
            if wake { signal() }
        }
    }

    private func signal() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeup, &one, MemoryLayout<UInt64>.size)
    }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        var jobs: [UnownedJob] = []
        let executor = asUnownedTaskExecutor()
        thread.withLock { $0 = pthread_self() }
        while true {
            state.withLock { swap(&jobs, &$0.jobs) }
            for job in jobs { job.runSynchronously(on: executor) }
            jobs.removeAll(keepingCapacity: true)

            let timeout = state.withLock { $0.sleepingTimeout(now: .now) }
            let count = events.withUnsafeMutableBufferPointer { buffer in
                epoll_wait(poller, buffer.baseAddress, Int32(buffer.count), timeout)
            }
            var ready: [Int32] = []
            for index in 0..<Int(max(count, 0)) {
                let socket = events[index].data.fd
                if socket == wakeup {
                    var value: UInt64 = 0
                    _ = Glibc.read(wakeup, &value, MemoryLayout<UInt64>.size)
                } else {
                    ready.append(socket)
                }
            }
            let settled = state.withLock { $0.settle(ready: ready, now: .now) }
            for (socket, waiter, isReady) in settled {
                epoll_ctl(poller, EPOLL_CTL_DEL, socket, nil)
                waiter.continuation.resume(returning: isReady)
            }
        }
    }
}

extension ReactorLoop.State {
    /// Marks the loop awake; true when it was asleep and must be signalled.
    fileprivate mutating func wokeUp() -> Bool {
        defer { sleeping = false }
        return sleeping
    }

    /// How long `epoll_wait` may sleep: not at all with tasks queued, else until the nearest deadline.
    fileprivate mutating func sleepingTimeout(now: ContinuousClock.Instant) -> Int32 {
        guard jobs.isEmpty else { return 0 }
        sleeping = true
        guard let nearest = waiters.values.lazy.map(\.deadline).min() else { return -1 }
        let wait = nearest - now
        guard wait > .zero else { return 0 }
        // Rounded up: waking a little early would only spin until the deadline.
        return Int32(min(wait.milliseconds + 1, 60_000))
    }

    /// Takes the waiters whose socket is ready or whose deadline has passed.
    fileprivate mutating func settle(
        ready: [Int32], now: ContinuousClock.Instant
    ) -> [(Int32, ReactorLoop.Waiter, Bool)] {
        sleeping = false
        var settled: [(Int32, ReactorLoop.Waiter, Bool)] = []
        for socket in ready {
            if let waiter = waiters.removeValue(forKey: socket) { settled.append((socket, waiter, true)) }
        }
        for (socket, waiter) in waiters where waiter.deadline <= now {
            waiters.removeValue(forKey: socket)
            settled.append((socket, waiter, false))
        }
        return settled
    }
}
