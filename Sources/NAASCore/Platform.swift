/// A device platform described as data: how its prompts look, how to turn
/// paging off, how to climb to privileged mode and into configuration mode,
/// how to save, and which output means the device refused a line.
/// Adding a platform is adding one entry to `Platform.all`.
public struct Platform: Sendable, Equatable {
    /// The name clients send (`platform` in the API; Netmiko's `device_type`).
    public let name: String
    /// Other names accepted for the same platform.
    public let aliases: [String]
    /// A regular expression that matches a whole prompt line, any privilege level.
    public let promptPattern: String
    /// Characters that may end a prompt; the rest of the prompt line is the base prompt.
    public let promptTerminators: String
    /// The terminator of the unprivileged prompt, if the platform has such a level.
    public let userModeTerminator: Character?
    /// Sent once after login, at the highest privilege reached (paging off, width).
    public let sessionSetup: [String]
    /// How to reach privileged mode from user mode, if the platform has one.
    public let enable: Escalation?
    public let configEnter: String?
    public let configExit: String?
    public let saveCommand: String?
    public let commitCommand: String?
    /// Regular expressions that, found in output, mean the device rejected a line.
    public let failurePatterns: [String]

    public init(
        name: String, aliases: [String] = [], promptPattern: String, promptTerminators: String,
        userModeTerminator: Character? = nil, sessionSetup: [String] = [], enable: Escalation? = nil,
        configEnter: String? = nil, configExit: String? = nil, saveCommand: String? = nil,
        commitCommand: String? = nil, failurePatterns: [String] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.promptPattern = promptPattern
        self.promptTerminators = promptTerminators
        self.userModeTerminator = userModeTerminator
        self.sessionSetup = sessionSetup
        self.enable = enable
        self.configEnter = configEnter
        self.configExit = configExit
        self.saveCommand = saveCommand
        self.commitCommand = commitCommand
        self.failurePatterns = failurePatterns
    }

    /// A step up to a higher privilege level.
    public struct Escalation: Sendable, Equatable {
        public let command: String
        /// A regular expression for the device's password question.
        public let passwordPrompt: String

        public init(command: String, passwordPrompt: String) {
            self.command = command
            self.passwordPrompt = passwordPrompt
        }
    }
}

extension Platform {
    /// The platform for `name` or one of its aliases.
    public static func named(_ name: String) -> Platform? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every name a client may send, aliases included, sorted.
    public static var acceptedNames: [String] {
        all.flatMap { [$0.name] + $0.aliases }.sorted()
    }
}
