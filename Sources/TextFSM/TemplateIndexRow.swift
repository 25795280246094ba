/// One row of an index: which template files parse the output of which
/// command on which platforms.
public struct IndexRow: Sendable, Hashable {
    /// The 1-based line of the index text the row was read from.
    public let line: Int
    /// The Template column split at `:`. More than one name means the first
    /// template's table is extended with the new columns of the others.
    public let templates: [String]
    /// The Platform column: a Python regex matched at the start of the
    /// platform name (empty when the index has no such column, which matches any).
    public let platform: String
    /// The Command column as written, with its `[[ ]]` completions
    /// (empty when the index has no such column, which matches any).
    public let command: String

    public init(line: Int, templates: [String], platform: String, command: String) {
        self.line = line
        self.templates = templates
        self.platform = platform
        self.command = command
    }

    /// The command with its completions spelled out: `sh[[ow]] ver[[sion]]` is `show version`.
    public var fullCommand: String { CommandCompletion.fullSpelling(command) }

    /// The regex the command is matched with: `sh[[ow]]` is `sh(o(w)?)?`.
    public var commandPattern: String { CommandCompletion.pattern(command) }
}
