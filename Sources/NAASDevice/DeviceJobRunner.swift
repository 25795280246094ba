import NAASCore

/// Runs one job on its device from start to end: take an idle session the
/// pool holds for the same device and login, or open one; run the lines;
/// give the session back to the pool if the job left it clean, else close
/// it. The session runs on a loop of `reactor` and suspends while it waits
/// for the device, so a process runs as many jobs at once as it has
/// sockets for; no thread is held per job and libssh never runs on the
/// cooperative pool.
public struct DeviceJobRunner: Sendable {
    public let algorithms: SSHAlgorithms
    public let reactor: DeviceReactor
    public let sessions: SessionPool

    public init(algorithms: SSHAlgorithms = .modern, reactor: DeviceReactor = .shared, sessions: SessionPool = SessionPool(.off)) {
        self.algorithms = algorithms
        self.reactor = reactor
        self.sessions = sessions
    }

    public func run(_ spec: JobSpec, credentials: Credentials) async -> JobOutcome {
        await sessions.serving {
            let key = reuseKey(for: spec, credentials: credentials)
            // A pooled session runs its next job on the loop it was opened on.
            if let key, let idle = sessions.take(key) {
                return await idle.loop.running { await run(spec, credentials: credentials, key: key, reusing: idle, on: idle.loop) }
            }
            return await reactor.run { loop in await run(spec, credentials: credentials, key: key, reusing: nil, on: loop) }
        }
    }

    /// The pool key of a job whose session may be reused: one that did not opt
    /// out, on a platform whose sessions are safe to reuse, whose output ends
    /// at the prompt (an `expect_string` job may leave the prompt unread).
    private func reuseKey(for spec: JobSpec, credentials: Credentials) -> SessionKey? {
        guard sessions.settings.isOn, spec.reuseSession != false, spec.expectString == nil,
              case .platform(let platform, let transport)? = PlatformSelection(name: spec.target.platform),
              platform.reusableSessions
        else { return nil }
        return SessionKey(target: spec.target, platform: platform, transport: transport, credentials: credentials)
    }

    private func run(
        _ spec: JobSpec, credentials: Credentials, key: SessionKey?, reusing idle: IdleSession?, on loop: ReactorLoop
    ) async -> JobOutcome {
        do throws(DeviceFailure) {
            guard let selection = PlatformSelection(name: spec.target.platform) else {
                throw DeviceFailure(.sshError, "Unknown platform \(spec.target.platform)")
            }
            let session: DeviceSession
            let detected: Platform?
            let readyPrompt: String?
            if let idle, let pooled = await checked(idle) {
                (session, detected, readyPrompt) = (pooled, nil, idle.readyPrompt)
            } else {
                (session, detected) = try await open(selection, spec: spec, credentials: credentials, on: loop)
                sessions.record(.opened)
                readyPrompt = session.currentPrompt
            }
            session.readTimeout = spec.readTimeout
            let output = try await perform(spec, on: session, detected: detected)
            if let key, let readyPrompt, session.currentPrompt == readyPrompt {
                _ = sessions.keep(IdleSession(session, key: key, loop: loop, readyPrompt: readyPrompt))
            }
            return .succeeded(output)
        } catch {
            // A session that failed is never kept: it closes here, on its loop.
            return .deviceFailed(error)
        }
    }

    /// The pooled session, if it passed its check; one that failed is closed as it goes out of scope.
    private func checked(_ idle: IdleSession) async -> DeviceSession? {
        guard let session = idle.takeSession(), await session.isBack(at: idle.readyPrompt) else {
            sessions.record(.failedCheck)
            return nil
        }
        sessions.record(.reused)
        return session
    }

    private func perform(_ spec: JobSpec, on session: DeviceSession, detected: Platform?) async throws(DeviceFailure) -> JobOutput {
        switch spec.kind {
        // A structured job runs as a command job; the worker parses its output afterwards.
        case .command, .structuredCommand:
            var outputs: [CommandOutput] = []
            for command in spec.lines {
                outputs.append(CommandOutput(command: command, output: try await session.run(command, expecting: spec.expectString)))
            }
            return .commands(outputs, detectedPlatform: detected?.name)
        case .config:
            return .config(try await session.configure(spec.lines, save: spec.saveConfig, commit: spec.commit))
        }
    }

    /// A prepared session, and the platform autodetect found when it was asked to.
    private func open(
        _ selection: PlatformSelection, spec: JobSpec, credentials: Credentials, on loop: ReactorLoop
    ) async throws(DeviceFailure) -> (DeviceSession, detected: Platform?) {
        switch selection {
        case .platform(let platform, let transport):
            let session = try await DeviceSession(
                target: spec.target, platform: platform, transport: transport, credentials: credentials,
                connectTimeout: spec.connectTimeout, readTimeout: spec.readTimeout, algorithms: algorithms, on: loop)
            return (session, nil)
        case .autodetect:
            let session = try await DeviceSession(
                target: spec.target, platform: .generic, transport: .ssh, credentials: credentials,
                connectTimeout: spec.connectTimeout, readTimeout: spec.readTimeout, algorithms: algorithms,
                preparing: false, on: loop)
            let detector = Autodetector(platforms: Platform.all)
            guard let platform = try await detector.detect(ask: { command throws(DeviceFailure) in try await session.run(command) }) else {
                throw DeviceFailure(
                    .autodetectFailed,
                    "No platform recognised the device's answers to \(detector.commands.joined(separator: ", "))")
            }
            try await session.adopt(platform)
            return (session, platform)
        }
    }
}
