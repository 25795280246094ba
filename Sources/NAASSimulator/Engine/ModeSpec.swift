/// How much a mode lets the user do; config lines are only taken in `config` modes.
public enum ModeLevel: Int, Sendable, Comparable {
    /// Read-only exec level (`host>`).
    case user
    /// Privileged exec level (`host#`).
    case privileged
    /// Configuration level, including sub-modes.
    case config

    public static func < (lhs: ModeLevel, rhs: ModeLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One node of the mode graph with the prompt it shows.
public struct ModeSpec: Sendable {
    /// Name used by commands and sub-modes to refer to this mode.
    public var id: String
    /// Prompt template: `{host}`, `{user}`, `{n}` (command counter), `{unsaved}`
    /// (the unsaved-config marker) and `{ctx}` (the sub-mode's argument).
    public var prompt: String
    /// Privilege level of the mode.
    public var level: ModeLevel
    /// Mode that a plain `exit` returns to; nil at the top.
    public var parent: String?
    /// Where set, the mode takes no config lines but those that open a sub-mode, and rejects the
    /// others with this text (FortiOS's top prompt: `Unknown action 0`); nil takes them per the config spec.
    public var lineRejection: String? = nil

    /// Creates a mode.
    public init(_ id: String, prompt: String, level: ModeLevel, parent: String? = nil) {
        self.id = id
        self.prompt = prompt
        self.level = level
        self.parent = parent
    }
}

/// A config line that opens a nested mode, stored as a block header.
public struct SubModeSpec: Sendable {
    /// Word pattern of the opening line (see `WordPattern`).
    public var pattern: String
    /// Mode entered.
    public var mode: String
    /// Modes in which the line opens the sub-mode.
    public var from: [String]
    /// How `{ctx}` in the prompt is built from the line's arguments.
    public var context: ContextStyle = .none

    /// Creates a sub-mode entry.
    public init(_ pattern: String, mode: String, from: [String], context: ContextStyle = .none) {
        self.pattern = pattern
        self.mode = mode
        self.from = from
        self.context = context
    }
}

/// Shapes of the `{ctx}` prompt part.
public enum ContextStyle: Sendable {
    /// No context in the prompt.
    case none
    /// The arguments after the keyword, joined without spaces (Huawei `[host-GigabitEthernet0/0/1]`).
    case argumentsJoined
    /// The last word of the line (FortiOS `host (global) #`).
    case lastWord
}
