/// Misbehaviours a device can be told to show, for failure tests.
public enum DeviceFault: String, Sendable, Codable {
    /// Close the connection halfway through a long output.
    case dropMidOutput = "drop_mid_output"
    /// Stop answering after login: no prompt ever comes.
    case hang
    /// Refuse every login.
    case rejectAuth = "reject_auth"
    /// Print the banner, then wait before the first prompt.
    case slowBanner = "slow_banner"
}

/// One simulated device: identity, credentials and test knobs.
public struct DeviceProfile: Sendable {
    /// Name used in events and listings.
    public var name: String
    /// Hostname shown in prompts.
    public var hostname: String
    /// Login name.
    public var username: String
    /// Login password.
    public var password: String
    /// Enable secret; nil or empty means modes that ask for it are entered freely.
    public var enableSecret: String?
    /// The login lands in the privileged mode.
    public var startPrivileged: Bool = false
    /// OpenSSH public key lines accepted for public-key auth.
    public var authorizedKeys: [String] = []
    /// Delay before every command's reply.
    public var commandLatencyMs: Int = 0
    /// Delay before the first banner or prompt.
    public var loginLatencyMs: Int = 0
    /// Lines of the long-output command.
    public var outputLines: Int = 200
    /// Misbehaviour, if any.
    public var fault: DeviceFault? = nil

    /// Creates a device; the hostname defaults to the name.
    public init(name: String, hostname: String? = nil, username: String, password: String, enableSecret: String? = nil) {
        self.name = name
        self.hostname = hostname ?? name
        self.username = username
        self.password = password
        self.enableSecret = enableSecret
    }
}

/// What the engine asks its transport to do, in order.
public enum SessionEffect: Sendable, Equatable {
    /// Send text to the client.
    case output(String)
    /// Wait before carrying on with the next effects.
    case delay(milliseconds: Int)
    /// Close the connection.
    case close
}

/// Receives the record of what happened on a device.
public protocol EventSink: Sendable {
    /// Records one event; `fields` are extra JSON string fields.
    func record(device: String, event: String, line: String, fields: [String: String])
}
