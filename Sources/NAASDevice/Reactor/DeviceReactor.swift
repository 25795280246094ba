import Foundation

/// The threads every device session in the process runs on: a few reactor
/// loops, one per core, each multiplexing many sessions over epoll. Sessions
/// cost a socket and some memory, not a thread, so a process holds as many
/// at once as it has file descriptors for.
public final class DeviceReactor: Sendable {
    /// One loop per core (at most four): device sessions are mostly waiting, and
    /// their CPU work (crypto, prompt matching) is spread over the cores.
    public static let shared = DeviceReactor(loops: min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4))

    let loops: [ReactorLoop]

    public init(loops count: Int) {
        loops = (0..<max(count, 1)).map { ReactorLoop(name: "naas-device-\($0)") }
    }

    /// Runs `session` on the least loaded loop, which it keeps to the end.
    /// `session` is `@Sendable` so that it is never isolated to its caller's
    /// actor: an isolated closure would run on that actor, not on the loop.
    public func run<Value: Sendable>(_ session: @Sendable (ReactorLoop) async -> Value) async -> Value {
        let loop = loops.min { $0.load < $1.load }!
        return await loop.running { await session(loop) }
    }
}
