import Foundation

/// The `--config` file: where to listen, where to write events, which devices.
public struct SimulatorConfig: Sendable, Decodable {
    /// Address every listener binds.
    public var host: String = "127.0.0.1"
    /// Path of the JSON-lines event record, if wanted.
    public var events: String?
    /// The devices.
    public var devices: [DeviceEntry]

    /// Creates a configuration in code (the scale mode of the command line).
    public init(host: String, events: String?, devices: [DeviceEntry]) {
        self.host = host
        self.events = events
        self.devices = devices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        host = try container.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1"
        events = try container.decodeIfPresent(String.self, forKey: .events)
        devices = try container.decode([DeviceEntry].self, forKey: .devices)
    }

    private enum CodingKeys: String, CodingKey { case host, events, devices }

    /// Reads a configuration file.
    public static func load(path: String) throws -> SimulatorConfig {
        guard let data = FileManager.default.contents(atPath: path) else { throw SimulatorError.cannotOpen(path) }
        return try JSONDecoder().decode(SimulatorConfig.self, from: data)
    }
}

/// One device in the configuration file.
public struct DeviceEntry: Sendable, Decodable {
    /// Device name (events, listing); the prompt hostname unless `hostname` is given.
    public var name: String
    /// Netmiko device_type.
    public var platform: String
    /// SSH port; 0 lets the kernel pick.
    public var port: Int
    /// Telnet port, if the device should have one.
    public var telnetPort: Int?
    /// Hostname shown in prompts.
    public var hostname: String?
    /// Login name.
    public var username: String
    /// Login password.
    public var password: String
    /// Enable secret.
    public var enableSecret: String?
    /// Log in at the privileged level.
    public var startPrivileged: Bool?
    /// OpenSSH public key lines accepted for key auth.
    public var authorizedKeys: [String]?
    /// Delay before each reply.
    public var commandLatencyMs: Int?
    /// Delay before the first banner or prompt.
    public var loginLatencyMs: Int?
    /// Lines of the long-output command.
    public var outputLines: Int?
    /// Misbehaviour.
    public var fault: DeviceFault?

    private enum CodingKeys: String, CodingKey {
        case name, platform, port, hostname, username, password, fault
        case telnetPort = "telnet_port", enableSecret = "enable_secret", startPrivileged = "start_privileged"
        case authorizedKeys = "authorized_keys", commandLatencyMs = "command_latency_ms"
        case loginLatencyMs = "login_latency_ms", outputLines = "output_lines"
    }

    /// Creates an entry in code.
    public init(name: String, platform: String, port: Int, username: String, password: String) {
        self.name = name
        self.platform = platform
        self.port = port
        self.username = username
        self.password = password
    }

    /// The engine's view of this device.
    public var profile: DeviceProfile {
        var profile = DeviceProfile(name: name, hostname: hostname ?? Self.hostname(from: name),
                                    username: username, password: password, enableSecret: enableSecret)
        profile.startPrivileged = startPrivileged ?? false
        profile.authorizedKeys = authorizedKeys ?? []
        profile.commandLatencyMs = commandLatencyMs ?? 0
        profile.loginLatencyMs = loginLatencyMs ?? 0
        profile.outputLines = outputLines ?? 200
        profile.fault = fault
        return profile
    }

    /// A hostname every OS accepts: letters, digits and dashes, at most 30 characters.
    static func hostname(from name: String) -> String {
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        return String(cleaned.prefix(30))
    }
}
