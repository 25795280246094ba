import NAASCore

/// Runs one job on its device from start to end: open a session, run the
/// lines, close. The session runs on a loop of `reactor` and suspends while
/// it waits for the device, so a process runs as many jobs at once as it
/// has sockets for; no thread is held per job and libssh never runs on the
/// cooperative pool.
public struct DeviceJobRunner: Sendable {
    public let algorithms: SSHAlgorithms
    public let reactor: DeviceReactor

    public init(algorithms: SSHAlgorithms = .modern, reactor: DeviceReactor = .shared) {
        self.algorithms = algorithms
        self.reactor = reactor
    }

    public func run(_ spec: JobSpec, credentials: Credentials) async -> JobOutcome {
        await reactor.run { loop in await run(spec, credentials: credentials, on: loop) }
    }

    private func run(_ spec: JobSpec, credentials: Credentials, on loop: ReactorLoop) async -> JobOutcome {
        do throws(DeviceFailure) {
            guard let selection = PlatformSelection(name: spec.target.platform) else {
                throw DeviceFailure(.sshError, "Unknown platform \(spec.target.platform)")
            }
            let (session, detected) = try await open(selection, spec: spec, credentials: credentials, on: loop)
            switch spec.kind {
            // A structured job runs as a command job; the worker parses its output afterwards.
            case .command, .structuredCommand:
                var outputs: [CommandOutput] = []
                for command in spec.lines {
                    outputs.append(CommandOutput(command: command, output: try await session.run(command, expecting: spec.expectString)))
                }
                return .succeeded(.commands(outputs, detectedPlatform: detected?.name))
            case .config:
                return .succeeded(.config(try await session.configure(spec.lines, save: spec.saveConfig, commit: spec.commit)))
            }
        } catch {
            return .deviceFailed(error)
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
