/// Everything that makes one network OS behave like itself, as plain data.
///
/// The engine (`CLISession`) reads these fields and never asks which platform it
/// runs, so a new platform is a new value of this type and nothing else.
public struct SimulatedOS: Sendable {
    /// Netmiko device_type name, e.g. `cisco_ios`.
    public var name: String
    /// The prompt levels and how a session moves between them.
    public var modes: [ModeSpec]
    /// Mode a fresh login lands in.
    public var startMode: String
    /// Mode a login lands in when the device account is privileged.
    public var privilegedStartMode: String
    /// Commands recognised outside of config lines, first match wins.
    public var commands: [CommandSpec]
    /// Config lines that open a sub-mode (`interface X` → `(config-if)#`).
    public var subModes: [SubModeSpec] = []
    /// How config lines are checked, stored, shown, committed and saved.
    public var config: ConfigSpec
    /// Login texts: banner, in-band username/password prompts, first question.
    public var login: LoginSpec = LoginSpec()
    /// The `--More--` pager.
    public var pager: PagerSpec = PagerSpec()
    /// Reply to a command that is not recognised; `{line}`, `{word}` (its first word) and `{caret}` are filled in.
    public var invalidCommand: String
    /// Prompt asked by a mode change that needs the enable secret.
    public var passwordPrompt: String = "Password: "
    /// Asked for a login name before the enable secret (ProCurve's `enable`); nil asks for the secret alone.
    public var enableUsernamePrompt: String? = nil
    /// Reply to a wrong enable secret.
    public var badPassword: String = "% Access denied"
    /// A long, realistic version text (`{host}`, `{uptime}` are filled in).
    public var versionText: String
    /// Line template for the long-output command; `{n}` is the line number.
    public var logLine: String
    /// Text printed above the log lines.
    public var logHeader: String = ""
    /// Abbreviated command words (`sh run`) are accepted, as on most network OSes.
    public var acceptsAbbreviations: Bool = true
    /// A suffix after this separator in the login name is stripped (MikroTik's `+ct511w4098h`).
    public var usernameOptionSeparator: Character? = nil
    /// The CLI repaints the prompt and the typed line when RETURN comes, until a `plainEcho`
    /// command stops it (PAN-OS before `set cli scripting-mode on`).
    public var echoRepaint: Bool = false

    /// Creates a profile; every field has a sensible default except the identity and texts.
    public init(name: String, modes: [ModeSpec], startMode: String, privilegedStartMode: String,
                commands: [CommandSpec], config: ConfigSpec, invalidCommand: String,
                versionText: String, logLine: String) {
        self.name = name
        self.modes = modes
        self.startMode = startMode
        self.privilegedStartMode = privilegedStartMode
        self.commands = commands
        self.config = config
        self.invalidCommand = invalidCommand
        self.versionText = versionText
        self.logLine = logLine
    }

    func mode(_ id: String) -> ModeSpec {
        modes.first { $0.id == id } ?? modes[0]
    }
}
