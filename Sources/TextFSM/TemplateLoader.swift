/// Reads a template's text into Values and states, refusing what Python
/// TextFSM refuses, with the line at fault.
struct TemplateLoader {
    struct Loaded {
        var values: [ValueDefinition] = []
        var states: [String: [Rule]] = [:]
        var declaresEOF = false
    }

    private static let reservedStateNames: Set<String> = [
        "Continue", "Next", "Error", "Clear", "Clearall", "Record", "NoRecord",
    ]

    private let name: String
    private let lines: [String]
    private var position = 0

    init(source: String, name: String) {
        self.name = name
        // Python reads the file in text mode: `\r\n` and `\r` are line ends too.
        let normalized = source.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    mutating func load() throws(TemplateError) -> Loaded {
        var loaded = Loaded()
        try readValues(into: &loaded)
        while try readState(into: &loaded) != nil {}
        try validate(&loaded)
        return loaded
    }

    private func error(_ message: String, line: Int? = nil) -> TemplateError {
        TemplateError(template: name, line: line, message: message)
    }

    /// The next line, right-trimmed, and its 1-based number.
    private mutating func nextLine() -> (text: String, number: Int)? {
        guard position < lines.count else { return nil }
        position += 1
        return (lines[position - 1].trimmingTrailingPythonWhitespace(), position)
    }

    private static func isComment(_ line: String) -> Bool {
        line.unicodeScalars.first(where: { !$0.isPythonWhitespace }) == "#"
    }

    private mutating func readValues(into loaded: inout Loaded) throws(TemplateError) {
        while let (line, number) = nextLine() {
            if line.isEmpty { return }
            if Self.isComment(line) { continue }
            guard line.hasPrefix("Value ") else {
                throw error(loaded.values.isEmpty ? "No Value definitions found." : "Expected blank line after last Value entry.", line: number)
            }
            let value: ValueDefinition
            do {
                value = try ValueDefinition(line: line)
            } catch {
                throw self.error(error.message, line: number)
            }
            guard !loaded.values.contains(where: { $0.name == value.name }) else {
                throw error("Duplicate declarations for Value '\(value.name)'.", line: number)
            }
            loaded.values.append(value)
        }
    }

    /// Reads one state and its rules; nil when the template has no more.
    private mutating func readState(into loaded: inout Loaded) throws(TemplateError) -> String? {
        var stateName: String?
        while let (line, number) = nextLine() {
            guard !line.isEmpty, !Self.isComment(line) else { continue }
            let isWord = line.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
            guard isWord, line.count <= ValueDefinition.maximumNameLength, !Self.reservedStateNames.contains(line) else {
                throw error("Invalid state name: '\(line)'.", line: number)
            }
            guard loaded.states[line] == nil else { throw error("Duplicate state name: '\(line)'.", line: number) }
            stateName = line
            break
        }
        guard let stateName else { return nil }
        var rules: [Rule] = []
        while let (line, number) = nextLine() {
            if line.isEmpty { break }
            if Self.isComment(line) { continue }
            guard line.hasPrefix(" ^") || line.hasPrefix("  ^") || line.hasPrefix("\t^") else {
                throw error("Missing white space or carat ('^') before rule.", line: number)
            }
            do {
                rules.append(try Rule(line: line, lineNumber: number, values: loaded.values))
            } catch {
                throw self.error(error.message, line: number)
            }
        }
        loaded.states[stateName] = rules
        return stateName
    }

    private func validate(_ loaded: inout Loaded) throws(TemplateError) {
        guard loaded.states["Start"] != nil else { throw error("Missing state 'Start'.") }
        if let rules = loaded.states["End"], !rules.isEmpty { throw error("Non-Empty 'End' state.") }
        if let rules = loaded.states["EOF"], !rules.isEmpty { throw error("Non-Empty 'EOF' state.") }
        loaded.states["End"] = nil
        loaded.declaresEOF = loaded.states["EOF"] != nil
        for (state, rules) in loaded.states {
            for rule in rules where rule.action.line != .error {
                guard let target = rule.action.newState, target != "End", target != "EOF" else { continue }
                guard loaded.states[target] != nil else {
                    throw error("State '\(target)' not found, referenced in state '\(state)'.", line: rule.lineNumber)
                }
            }
        }
    }
}
