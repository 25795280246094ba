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
            let session = try DeviceSession(
                target: spec.target, credentials: credentials, connectTimeout: spec.connectTimeout,
                readTimeout: spec.readTimeout, algorithms: algorithms)
            switch spec.kind {
            case .command:
                var outputs: [CommandOutput] = []
                for command in spec.lines {
                    outputs.append(CommandOutput(command: command, output: try session.run(command, expecting: spec.expectString)))
                }
                return .succeeded(.commands(outputs))
            case .config:
                return .succeeded(.config(try session.configure(spec.lines, save: spec.saveConfig, commit: spec.commit)))
            }
        } catch {
            return .deviceFailed(error)
        }
    }
}
