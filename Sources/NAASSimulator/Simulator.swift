import NIOCore
import NIOPosix
import NIOSSH

/// Many simulated devices in one process, on one event loop group.
public final class Simulator: Sendable {
    /// The devices, once bound, in configuration order.
    public let devices: [BoundDevice]

    private init(devices: [BoundDevice]) {
        self.devices = devices
    }

    /// Binds every device of `config`; fails on the first port that cannot be bound.
    public static func start(config: SimulatorConfig, group: any EventLoopGroup) async throws -> Simulator {
        let events: (any EventSink)? = try config.events.map { try EventLog(path: $0) }
        // One host key for all devices: generating thousands would slow the start for nothing.
        let hostKey = NIOSSHPrivateKey(ed25519Key: .init())
        var bound: [BoundDevice] = []
        bound.reserveCapacity(config.devices.count)
        for entry in config.devices {
            guard let os = Platforms.named(entry.platform) else { throw SimulatorError.unknownPlatform(entry.platform) }
            bound.append(try await DeviceListener.bind(
                device: entry.profile, os: os, host: config.host, sshPort: entry.port, telnetPort: entry.telnetPort,
                hostKey: hostKey, events: events, group: group))
        }
        return Simulator(devices: bound)
    }

    /// Closes every listener.
    public func stop() async {
        for device in devices {
            for channel in device.channels {
                try? await channel.close()
            }
        }
    }
}
