import NAASCore

/// Runs one job on its device from start to end: open a session, run the
/// lines, close. Blocking; call it on a thread made for blocking work.
public struct DeviceJobRunner: Sendable {
    public let algorithms: SSHAlgorithms

    public init(algorithms: SSHAlgorithms = .modern) {
        self.algorithms = algorithms
    }

    public func run(_ spec: JobSpec, credentials: Credentials) -> JobOutcome {
        do throws(DeviceFailure) {
            guard let selection = PlatformSelection(name: spec.target.platform) else {
                throw DeviceFailure(.sshError, "Unknown platform \(spec.target.platform)")
            }
            let (session, detected) = try open(selection, spec: spec, credentials: credentials)
            switch spec.kind {
            // A structured job runs as a command job; the worker parses its output afterwards.
            case .command, .structuredCommand:
                var outputs: [CommandOutput] = []
                for command in spec.lines {
                    outputs.append(CommandOutput(command: command, output: try session.run(command, expecting: spec.expectString)))
                }
                return .succeeded(.commands(outputs, detectedPlatform: detected?.name))
            case .config:
                return .succeeded(.config(try session.configure(spec.lines, save: spec.saveConfig, commit: spec.commit)))
            }
        } catch {
            return .deviceFailed(error)
        }
    }

    /// A prepared session, and the platform autodetect found when it was asked to.
    private func open(
        _ selection: PlatformSelection, spec: JobSpec, credentials: Credentials
    ) throws(DeviceFailure) -> (DeviceSession, detected: Platform?) {
        switch selection {
        case .platform(let platform, let transport):
            let session = try DeviceSession(
                target: spec.target, platform: platform, transport: transport, credentials: credentials,
                connectTimeout: spec.connectTimeout, readTimeout: spec.readTimeout, algorithms: algorithms)
            return (session, nil)
        case .autodetect:
            let session = try DeviceSession(
                target: spec.target, platform: .generic, transport: .ssh, credentials: credentials,
                connectTimeout: spec.connectTimeout, readTimeout: spec.readTimeout, algorithms: algorithms,
                preparing: false)
            let detector = Autodetector(platforms: Platform.all)
            guard let platform = try detector.detect(ask: { command throws(DeviceFailure) in try session.run(command) }) else {
                throw DeviceFailure(
                    .autodetectFailed,
                    "No platform recognised the device's answers to \(detector.commands.joined(separator: ", "))")
            }
            try session.adopt(platform)
            return (session, platform)
        }
    }
}
