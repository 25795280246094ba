import NAASCore

/// An authenticated session waiting in the pool for its next job, with the
/// loop it was opened on and the prompt it stood at when it was ready.
///
/// Unchecked Sendable: the pool hands it to one job at a time, and that job
/// uses the session only on `loop`, the thread libssh already knows it from.
final class IdleSession: @unchecked Sendable {
    let key: SessionKey
    let loop: ReactorLoop
    /// The prompt after login and setup: a session anywhere else (config mode, a lower privilege) is not reused.
    let readyPrompt: String
    let idleSince: ContinuousClock.Instant
    private var session: DeviceSession?

    init(_ session: DeviceSession, key: SessionKey, loop: ReactorLoop, readyPrompt: String) {
        self.session = session
        self.key = key
        self.loop = loop
        self.readyPrompt = readyPrompt
        idleSince = .now
    }

    /// The session, handed over to the job that took this entry from the pool.
    func takeSession() -> DeviceSession? {
        defer { session = nil }
        return session
    }

    /// Closes the session (disconnects its transport) on its loop.
    func close() async {
        await loop.running { self.session = nil }
    }
}
