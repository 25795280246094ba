import NIOCore
import NIOPosix
import NIOSSH

/// A bound simulated device: its SSH listener and, optionally, its Telnet listener.
public struct BoundDevice: Sendable {
    /// The device.
    public var device: DeviceProfile
    /// Its platform name.
    public var platform: String
    /// Port the SSH listener got.
    public var sshPort: Int
    /// Port the Telnet listener got, if any.
    public var telnetPort: Int?
    let channels: [any Channel]
}

/// Binds the listeners of one device.
enum DeviceListener {
    static func bind(device: DeviceProfile, os: SimulatedOS, host: String, sshPort: Int, telnetPort: Int?,
                     hostKey: NIOSSHPrivateKey, events: (any EventSink)?, group: any EventLoopGroup) async throws -> BoundDevice {
        // One state for every session of the device, over SSH and Telnet alike.
        let state = DeviceState()
        let makeSession: @Sendable (String) -> CLISession = { transport in
            CLISession(os: os, device: device, events: events, transport: transport, state: state)
        }
        let ssh = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let authenticator = DeviceAuthenticator(device: device, os: os)
                    let handler = NIOSSHHandler(
                        role: .server(.init(hostKeys: [hostKey], userAuthDelegate: authenticator)),
                        allocator: channel.allocator,
                        inboundChildChannelInitializer: { child, type in
                            guard case .session = type else {
                                return child.eventLoop.makeFailedFuture(SimulatorError.badConfig("channel type"))
                            }
                            return child.eventLoop.makeCompletedFuture {
                                try child.pipeline.syncOperations.addHandler(ShellChannelHandler {
                                    var profile = device
                                    profile.username = authenticator.username ?? device.username
                                    return CLISession(os: os, device: profile, events: events, transport: "ssh", state: state)
                                })
                            }
                        })
                    try channel.pipeline.syncOperations.addHandlers([handler, CloseOnErrorHandler()])
                }
            }
            .bind(host: host, port: sshPort).get()
        var channels: [any Channel] = [ssh]
        var boundTelnet: Int?
        if let telnetPort {
            let telnet = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(TelnetHandler { makeSession("telnet") })
                    }
                }
                .bind(host: host, port: telnetPort).get()
            channels.append(telnet)
            boundTelnet = telnet.localAddress?.port
        }
        return BoundDevice(device: device, platform: os.name, sshPort: ssh.localAddress?.port ?? sshPort,
                           telnetPort: boundTelnet, channels: channels)
    }
}
