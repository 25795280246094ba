import ArgumentParser
import NAASCore
import NAASDevice

/// `naas-bench device`: one job through NAAS's device layer, exactly as a
/// worker runs it, minus HTTP and the queue.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Time one-command jobs through DeviceJobRunner (what a worker does)."
    )

    @OptionGroup var options: BenchOptions
    @Option(help: "Platform name, as a job would give it.") var platform = "cisco_ios"
    @Option(help: "Enable secret, for devices that start in user mode.") var enableSecret: String?

    func run() async throws {
        let runner = DeviceJobRunner()
        let spec = JobSpec(
            kind: .command, target: DeviceTarget(host: options.host, port: options.port, platform: platform),
            lines: [options.command])
        let credentials = Credentials(username: options.user, password: options.password, enableSecret: enableSecret)
        let samples = try await timeRounds(options.count) { index in
            switch await runner.run(spec, credentials: credentials) {
            case .succeeded(.commands(let outputs, _)):
                try options.check(outputs.map(\.output).joined(separator: "\n"), round: index)
            case let other:
                throw BenchFailure("round \(index): \(other)")
            }
        }
        try LatencySummary(tool: "naas_device_layer", samples: samples).printLine()
    }
}
