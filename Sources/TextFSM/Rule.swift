/// One rule of a state: a pattern tried against each line, and what to do
/// when it matches.
struct Rule: Sendable {
    let pattern: CompiledPattern
    let action: RuleAction
    /// The template line it came from, which `Error` messages cite.
    let lineNumber: Int
    /// For each group that names a Value, in group order: the group number and the Value's index.
    let assignments: [(group: Int, value: Int)]

    init(line: String, lineNumber: Int, values: [ValueDefinition]) throws(PatternError) {
        let text = line.trimmingPythonWhitespace()
        // Python splits at the last whitespace-then-`->`; the regex keeps any other trailing space.
        let (regex, actionText) = Self.split(text)
        if let actionText {
            guard let action = RuleAction(parsing: actionText) else {
                throw PatternError(message: "Badly formatted rule '\(text)'.")
            }
            if action.line == .continue, let state = action.newState {
                throw PatternError(message: "Action 'Continue' with new state \(state) specified.")
            }
            if action.line != .error, let state = action.newState, state.hasPrefix("\"") {
                throw PatternError(message: "Alphanumeric characters only in state names.")
            }
            self.action = action
        } else {
            self.action = RuleAction()
        }
        var substituted = regex
        if !values.isEmpty {
            let fragments = Dictionary(values.map { ($0.name, $0.ruleFragment) }, uniquingKeysWith: { first, _ in first })
            guard let result = TemplateSubstitution.substitute(regex, values: fragments) else {
                throw PatternError(message: "Duplicate or invalid variable substitution: '\(regex)'.")
            }
            substituted = result
        }
        do {
            pattern = try CompiledPattern(python: substituted)
        } catch {
            throw PatternError(message: "Invalid regular expression: '\(substituted)' (\(error.message)).")
        }
        self.lineNumber = lineNumber
        let valueIndex = Dictionary(values.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        assignments = pattern.groupNames.enumerated().compactMap { offset, name in
            name.flatMap { valueIndex[$0] }.map { (group: offset + 1, value: $0) }
        }
    }

    private static func split(_ text: String) -> (regex: String, action: String?) {
        let scalars = Array(text.unicodeScalars)
        var index = scalars.count - 3
        while index >= 0 {
            if scalars[index].isPythonWhitespace, scalars[index + 1] == "-", scalars[index + 2] == ">" {
                let regex = String(String.UnicodeScalarView(scalars[..<index]))
                let action = String(String.UnicodeScalarView(scalars[(index + 3)...]))
                return (regex, action)
            }
            index -= 1
        }
        return (text, nil)
    }
}

extension String {
    /// Python's `str.strip()`.
    func trimmingPythonWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isPythonWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isPythonWhitespace })!
        return String(scalars[first...last])
    }

    /// Python's `str.rstrip()`.
    func trimmingTrailingPythonWhitespace() -> String {
        let scalars = unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.isPythonWhitespace }) else { return "" }
        return String(scalars[...last])
    }
}

extension Unicode.Scalar {
    /// Python's `str.isspace()` for one character.
    var isPythonWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: true
        default: properties.isWhitespace
        }
    }
}
