/// A template that cannot be loaded: which one, where, and why.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name (its file name, or what the caller called it).
    public let template: String
    /// The 1-based template line at fault; nil when the fault is the whole template.
    public let line: Int?
    public let message: String

    public init(template: String, line: Int?, message: String) {
        self.template = template
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return "Template \(template): \(message)" }
        return "Template \(template), line \(line): \(message)"
    }
}

/// A rule's `Error` action fired while parsing: the text Python TextFSM raises.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
