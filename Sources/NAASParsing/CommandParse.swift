import TextFSM

/// What became of one command's output.
public enum CommandParse: Sendable, Equatable {
    /// The records, keyed by lower-cased Value names, as ntc-templates'
    /// `parse_output` returns them: cells are strings, `List` cells lists of strings.
    case records([[Field]])
    /// The index has no row for the platform and command (where ntc-templates
    /// raises its `ParsingException`); the raw output is all there is.
    case noTemplate
    /// A rule's `Error` action fired (Python's text), or a template could not
    /// be loaded (the text names the template file and line).
    case failed(String)
}
