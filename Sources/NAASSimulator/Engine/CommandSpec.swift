/// A command the CLI recognises, where, and what it does.
public struct CommandSpec: Sendable {
    /// Word pattern (see `WordPattern`).
    public var pattern: String
    /// Mode ids where it works; empty means every mode.
    public var modes: [String]
    /// Lowest level where it works (used when `modes` is empty).
    public var minimumLevel: ModeLevel
    /// What it does.
    public var action: CommandAction

    /// Creates a command usable in the given modes (or everywhere from `level` up).
    public init(_ pattern: String, in modes: [String] = [], level: ModeLevel = .user, _ action: CommandAction) {
        self.pattern = pattern
        self.modes = modes
        self.minimumLevel = level
        self.action = action
    }
}

/// The effect of a recognised command.
public enum CommandAction: Sendable {
    /// Print fixed text (`{host}`, `{user}` and `{args}` are filled in).
    case text(String)
    /// Print `present` while a running-config line contains `line`, else `absent` (FortiOS
    /// `get system console` showing the configured output mode); filled in as `text`.
    case textByConfig(line: String, present: String, absent: String)
    /// Print the OS's version text.
    case version
    /// Print the running configuration.
    case runningConfig
    /// Print the candidate configuration (Junos `show configuration` in config mode).
    case candidateConfig
    /// Print the long log output (`output_lines` lines).
    case longOutput
    /// Turn the pager off, then print the text.
    case pagingOff(String)
    /// Move to a mode; `password` asks for the enable secret first.
    case enter(String, password: Bool = false, text: String = "")
    /// Leave the current mode for its parent; at the top, log out.
    case exitMode
    /// Leave config entirely, to the mode config was entered from.
    case endConfig
    /// Leave config, discarding uncommitted changes.
    case endConfigDiscard
    /// Close the session, printing the text.
    case logout(String)
    /// Run the OS's save flow.
    case save
    /// Run the OS's commit flow.
    case commit
    /// Throw away the candidate configuration (`rollback 0`, `abort`).
    case discard(String)
    /// Apply the rest of the line as a config line (VyOS `set ...` in config mode).
    case configLine
    /// Stop repainting the typed line (PAN-OS `set cli scripting-mode on`), then print the text.
    case plainEcho(String)
}
