import NAASCore
import Synchronization

/// Idle, authenticated device sessions kept for the next job to the same
/// device with the same platform and login, so that job skips the TCP and
/// SSH handshakes, the login and the session setup.
///
/// A session is only ever kept after a job that succeeded and left it at the
/// prompt it started from; it is checked again (a fresh prompt, the same
/// one) before it serves another job. At most `perDevice` idle sessions are
/// kept per device, and each is closed after `idleTimeout` unused. The pool
/// also counts what the runner's sessions do, for `/metrics`.
public final class SessionPool: Sendable {
    public struct Settings: Sendable, Equatable {
        /// How long a session may wait unused before it is closed.
        public var idleTimeout: Duration
        /// Idle sessions kept per device (host and port), whatever their login; 0 turns reuse off.
        public var perDevice: Int

        public init(idleTimeout: Duration = .seconds(60), perDevice: Int = 2) {
            self.idleTimeout = idleTimeout
            self.perDevice = perDevice
        }

        public static let off = Settings(idleTimeout: .zero, perDevice: 0)

        public var isOn: Bool { perDevice > 0 && idleTimeout > .zero }
    }

    private struct State {
        /// Idle sessions per device, oldest first.
        var idle: [DeviceAddressKey: [IdleSession]] = [:]
        var sweeping = false
        /// Counts for `/metrics`, all but `idle`, which `idleCount` gives when they are read.
        var statistics = SessionStatistics()

        var idleCount: Int { idle.values.reduce(0) { $0 + $1.count } }
    }

    public let settings: Settings
    private let state = Mutex(State())

    public init(_ settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Idle sessions held now, across every device.
    public var idleCount: Int {
        state.withLock { $0.idleCount }
    }

    /// What the pool and the jobs it serves have done so far.
    public var statistics: SessionStatistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.idle = state.idleCount
            return statistics
        }
    }

    func record(_ event: SessionEvent) {
        state.withLock { state in
            switch event {
            case .opened: state.statistics.opened += 1
            case .reused: state.statistics.reused += 1
            case .failedCheck: state.statistics.failedChecks += 1
            }
        }
    }

    /// Runs `job`, counting it among the active sessions until it returns.
    func serving<Outcome: Sendable>(_ job: () async -> Outcome) async -> Outcome {
        state.withLock { $0.statistics.active += 1 }
        defer { state.withLock { $0.statistics.active -= 1 } }
        return await job()
    }

    /// The most recently used idle session for `key`, taken out of the pool;
    /// nil when there is none. Sessions past their idle time are never handed out.
    func take(_ key: SessionKey) -> IdleSession? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard var sessions = state.idle[key.device],
                  let index = sessions.lastIndex(where: { $0.key == key && now - $0.idleSince < settings.idleTimeout })
            else { return nil }
            let session = sessions.remove(at: index)
            state.idle[key.device] = sessions.isEmpty ? nil : sessions
            return session
        }
    }

    /// Keeps `session` for the next job with the same key; false when the
    /// device already has its share of idle sessions (the caller closes it).
    func keep(_ session: IdleSession) -> Bool {
        guard settings.isOn else { return false }
        let startSweeping = state.withLock { state -> Bool? in
            guard state.idle[session.key.device, default: []].count < settings.perDevice else {
                state.statistics.overDeviceCap += 1
                return nil
            }
            state.idle[session.key.device, default: []].append(session)
            defer { state.sweeping = true }
            return !state.sweeping
        }
        guard let startSweeping else { return false }
        if startSweeping { Task.detached { [self] in await sweep() } }
        return true
    }

    /// Closes sessions as their idle time runs out, until the pool is empty.
    private func sweep() async {
        let interval = min(max(settings.idleTimeout / 4, .milliseconds(50)), .seconds(5))
        while true {
            try? await Task.sleep(for: interval)
            let now = ContinuousClock.now
            let (expired, empty) = state.withLock { state in
                var expired: [IdleSession] = []
                for (device, sessions) in state.idle {
                    let (stale, fresh) = sessions.split { now - $0.idleSince >= settings.idleTimeout }
                    expired += stale
                    state.idle[device] = fresh.isEmpty ? nil : fresh
                }
                state.statistics.expired += expired.count
                if state.idle.isEmpty { state.sweeping = false }
                return (expired, state.idle.isEmpty)
            }
            for session in expired { await session.close() }
            if empty { return }
        }
    }

    /// Closes every idle session now (at shutdown).
    public func closeAll() async {
        let all = state.withLock { state in
            defer { state.idle = [:] }
            return state.idle.values.flatMap { $0 }
        }
        for session in all { await session.close() }
    }
}

extension Array {
    /// The elements that match `predicate`, and the rest, each in order.
    fileprivate func split(_ predicate: (Element) -> Bool) -> ([Element], [Element]) {
        var matching: [Element] = []
        var rest: [Element] = []
        for element in self {
            if predicate(element) { matching.append(element) } else { rest.append(element) }
        }
        return (matching, rest)
    }
}
