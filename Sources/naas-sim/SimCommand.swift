import ArgumentParser
import Dispatch
import NAASCore
import NAASSimulator
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// `naas-sim`: simulated network devices over SSH and Telnet, for tests and benchmarks.
@main
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naas-sim",
        abstract: "Simulated network devices (SSH and Telnet CLIs) for tests and benchmarks.")

    @Option(help: "JSON file with host, events and devices.")
    var config: String?

    @Option(help: "Platform of every device (scale mode).")
    var platform: String?

    @Option(help: "Number of devices (scale mode).")
    var count: Int = 1

    @Option(help: "First SSH port (scale mode); device i gets base-port + i - 1.")
    var basePort: Int = 10022

    @Option(help: "First Telnet port (scale mode), if Telnet is wanted.")
    var telnetBasePort: Int?

    @Option var username: String = "admin"
    @Option var password: String = "admin"
    @Option var enableSecret: String?
    @Option var commandLatencyMs: Int = 0
    @Option var host: String = "127.0.0.1"

    @Option(help: "Write one JSON line per event to this file.")
    var events: String?

    @Flag(help: "Print the simulated platforms and exit.")
    var listPlatforms = false

    mutating func run() async throws {
        if listPlatforms {
            for os in Platforms.all { print(os.name) }
            return
        }
        FileLimit.raiseToHardLimit()
        let simulatorConfig = try makeConfig()
        let group = MultiThreadedEventLoopGroup.singleton
        let simulator = try await Simulator.start(config: simulatorConfig, group: group)
        var listing = ""
        for device in simulator.devices {
            listing += "device \(device.device.name) \(device.platform) ssh=\(device.sshPort) "
                + "telnet=\(device.telnetPort.map(String.init) ?? "-")\n"
        }
        // Written straight to the descriptor: a harness waits for `ready` and stdio may be block-buffered.
        StandardOutput.write(listing + "ready\n")
        await StopSignal.wait()
        await simulator.stop()
    }

    private func makeConfig() throws -> SimulatorConfig {
        if let config {
            var loaded = try SimulatorConfig.load(path: config)
            if let events { loaded.events = events }
            return loaded
        }
        guard let platform else {
            throw ValidationError("give --config FILE, or --platform P --count N --base-port B")
        }
        let devices = (1...max(1, count)).map { index in
            var entry = DeviceEntry(name: "\(platform)-\(index)", platform: platform, port: basePort + index - 1,
                                    username: username, password: password)
            entry.enableSecret = enableSecret
            entry.commandLatencyMs = commandLatencyMs
            entry.telnetPort = telnetBasePort.map { $0 + index - 1 }
            return entry
        }
        return SimulatorConfig(host: host, events: events, devices: devices)
    }
}
