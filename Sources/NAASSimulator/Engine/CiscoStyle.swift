/// The shape most Cisco-like CLIs share: `>` / `#` / `(config)#`, `enable`, `configure terminal`, `end`.
///
/// Platform files fill in what differs; the mode graph and the usual commands come from here.
public struct CiscoStyle: Sendable {
    /// Netmiko device_type.
    public var name: String
    /// Version text.
    public var versionText: String
    /// Log line template.
    public var logLine: String
    /// Reply to an unknown command.
    public var invalidCommand: String = "{caret}\n% Invalid input detected at '^' marker.\n"
    /// Reply to an unknown config line; defaults to `invalidCommand`.
    public var invalidLine: String? = nil
    /// Commands tried before the common ones (paging, width, platform extras).
    public var commands: [CommandSpec] = []
    /// Command that enters config mode and the text it prints.
    public var configure: String = "configure terminal"
    /// Printed on entering config mode.
    public var configureText: String = ""
    /// Commands that leave config mode (besides `exit` at its top).
    public var endCommand: String = "end"
    /// Commands that run the save flow.
    public var saveCommands: [String] = ["write memory"]
    /// The save flow.
    public var save: SaveSpec = SaveSpec(done: "")
    /// Commands that show the configuration.
    public var showConfig: [String] = ["show running-config ..."]
    /// Command with the long output.
    public var longCommand: String = "show logging"
    /// Header above the log lines.
    public var logHeader: String = ""
    /// Running-config header and footer.
    public var header: String = ""
    /// Running-config footer.
    public var footer: String = "!\nend"
    /// Config keywords accepted (first word of a line).
    public var keywords: [String] = ["hostname", "description", "ip", "ipv6", "shutdown", "switchport", "vlan",
                                     "name", "logging", "ntp", "snmp-server", "username", "interface", "mtu",
                                     "speed", "spanning-tree", "banner", "router", "network", "clock", "service",
                                     "aaa", "lldp", "management", "terminal", "no", "enable", "channel-group", "feature"]
    /// Initial config lines (leading space = child of the line above).
    public var initial: [String] = []
    /// Prompts: user, enable, config, config-if (`{host}` filled in).
    public var prompts: (user: String, enable: String, config: String, configIf: String) =
        ("{host}>", "{host}#", "{host}(config)#", "{host}(config-if)#")
    /// Pager.
    public var pager = PagerSpec()
    /// Login texts.
    public var login = LoginSpec()
    /// Sub-mode opening line for interfaces.
    public var interfacePattern: String = "interface +"

    /// Starts a description with the required texts.
    public init(name: String, versionText: String, logLine: String) {
        self.name = name
        self.versionText = versionText
        self.logLine = logLine
    }

    /// The finished profile.
    public func build() -> SimulatedOS {
        let configModes = ["config", "config-if"]
        var commands = self.commands + [
            CommandSpec("enable", in: ["user"], .enter("enable", password: true)),
            CommandSpec("disable", in: ["enable"], .enter("user")),
            CommandSpec("show version", .version),
            CommandSpec(longCommand, .longOutput),
            CommandSpec(configure, in: ["enable"], .enter("config", text: configureText)),
            CommandSpec(endCommand, in: configModes, .endConfig),
            CommandSpec("exit", .exitMode),
            CommandSpec("logout", in: ["user", "enable"], .logout("")),
        ]
        commands += showConfig.map { CommandSpec($0, in: ["enable"], .runningConfig) }
        commands += showConfig.map { CommandSpec("do " + $0, in: configModes, .runningConfig) }
        commands += saveCommands.map { CommandSpec($0, in: ["enable"], .save) }
        var config = ConfigSpec(accepted: SimulatedOS.startingWith(keywords) + ["shutdown"],
                                invalidLine: invalidLine ?? invalidCommand,
                                rendering: .indented(header: header, footer: footer, indent: " ", separator: "!"))
        config.initial = initial
        config.save = save
        var os = SimulatedOS(
            name: name,
            modes: [
                ModeSpec("user", prompt: prompts.user, level: .user),
                ModeSpec("enable", prompt: prompts.enable, level: .privileged, parent: "user"),
                ModeSpec("config", prompt: prompts.config, level: .config, parent: "enable"),
                ModeSpec("config-if", prompt: prompts.configIf, level: .config, parent: "config"),
            ],
            startMode: "user", privilegedStartMode: "enable", commands: commands, config: config,
            invalidCommand: invalidCommand, versionText: versionText, logLine: logLine)
        os.subModes = [SubModeSpec(interfacePattern, mode: "config-if", from: configModes)]
        os.pager = pager
        os.login = login
        os.logHeader = logHeader
        return os
    }
}
