/// A device platform described as data: how its prompts look, how to log in,
/// how to turn paging off, how to climb to privileged mode and into
/// configuration mode, how to commit and save, and which output means the
/// device refused a line. The session reads only these fields; adding a
/// platform is adding one entry to `Platform.all`.
public struct Platform: Sendable, Equatable {
    /// The name clients send (`platform` in the API; Netmiko's `device_type`).
    public let name: String
    /// Other names accepted for the same platform.
    public let aliases: [String]
    /// Whether the platform is also driven over Telnet (`<name>_telnet`, port 23).
    public let telnet: Bool
    public let prompt: PromptStyle
    public let login: LoginStyle
    /// Sent once after login, at the highest privilege reached (paging off, width).
    public let sessionSetup: [String]
    /// How to reach privileged mode from user mode, if the platform has one.
    public let enable: Escalation?
    /// Configuration mode; nil where lines are typed at the ordinary prompt (FortiOS, RouterOS, EXOS).
    public let config: ConfigMode?
    /// A commit step, on platforms where configuration is staged in a candidate.
    public let commit: Commit?
    /// How to write the running configuration to startup, where that is a separate step.
    public let save: Save?
    /// Pagers that can still appear (a paging-off command the device ignored): each is answered, never waited out.
    public let pagers: [Reply]
    /// Regular expressions that, found in output, mean the device rejected a line.
    public let failurePatterns: [String]
    /// How autodetect recognises the platform, as Netmiko's SSHDetect does.
    public let autodetect: [Probe]
    /// What ends a line typed at the device.
    public let lineEnding: String
    /// Whether an idle session may serve the next job with the same login. Only
    /// where the prompt shows every state a job can leave behind (mode, level);
    /// a shell keeps state the prompt does not show (directory, variables).
    public let reusableSessions: Bool

    public init(
        name: String, aliases: [String] = [], telnet: Bool = false, prompt: PromptStyle,
        login: LoginStyle = .standard, sessionSetup: [String] = [], enable: Escalation? = nil,
        config: ConfigMode? = nil, commit: Commit? = nil, save: Save? = nil, pagers: [Reply] = [],
        failurePatterns: [String] = [], autodetect: [Probe] = [], lineEnding: String = "\n",
        reusableSessions: Bool = true
    ) {
        self.name = name
        self.aliases = aliases
        self.telnet = telnet
        self.prompt = prompt
        self.login = login
        self.sessionSetup = sessionSetup
        self.enable = enable
        self.config = config
        self.commit = commit
        self.save = save
        self.pagers = pagers
        self.failurePatterns = failurePatterns
        self.autodetect = autodetect
        self.lineEnding = lineEnding
        self.reusableSessions = reusableSessions
    }
}

extension Platform {
    /// What a platform offers, as `GET /v2/platforms` lists it.
    public struct Capabilities: Sendable, Equatable {
        public let enable: Bool
        public let config: Bool
        public let save: Bool
        public let commit: Bool
        public let telnet: Bool
        public let autodetect: Bool
    }

    public var capabilities: Capabilities {
        Capabilities(
            enable: enable != nil, config: true, save: save != nil, commit: commit != nil,
            telnet: telnet, autodetect: !autodetect.isEmpty)
    }
}
