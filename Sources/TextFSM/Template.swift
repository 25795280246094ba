/// A compiled TextFSM template: Values, then states of rules, in the
/// language Python `textfsm` 2.1 defines. Compiled once; parses any number
/// of texts, from any number of threads.
public struct Template: Sendable {
    /// What the template is called in errors (usually its file name).
    public let name: String
    let values: [ValueDefinition]
    let states: [String: [Rule]]
    /// Whether the template declares an `EOF` state, which suppresses the
    /// record Python makes at the end of the input.
    let declaresEOF: Bool

    /// The Value names, in the order they were declared.
    public var header: [String] { values.map(\.name) }

    /// The Values marked `Key`, which join the tables of a multi-template index row.
    public var keyNames: [String] { values.filter { $0.options.contains(.key) }.map(\.name) }

    /// Loads a template from its text. A template Python would refuse is
    /// refused here too, with the line at fault.
    public init(source: String, name: String = "template") throws(TemplateError) {
        var loader = TemplateLoader(source: source, name: name)
        let loaded = try loader.load()
        self.name = name
        self.values = loaded.values
        self.states = loaded.states
        self.declaresEOF = loaded.declaresEOF
    }

    /// Runs the text through the state machine and returns its records.
    public func parse(_ text: String) throws(RuleError) -> ParsedTable {
        var run = TemplateRun(template: self)
        return try run.parse(text)
    }
}
