/// A command the index has a template for, on some platform.
public struct TemplateCommand: Sendable, Hashable {
    /// The command spelled out: `show version`. It may still hold regex
    /// syntax where the index uses it (`sh[[ow]] (ip )?int[[erface]]`).
    public let command: String
    /// The command as the index writes it, with its completions: `sh[[ow]] ver[[sion]]`.
    public let abbreviated: String
    /// The template files that parse its output.
    public let templates: [String]

    public init(command: String, abbreviated: String, templates: [String]) {
        self.command = command
        self.abbreviated = abbreviated
        self.templates = templates
    }
}
