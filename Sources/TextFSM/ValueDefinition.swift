/// What a Value's options make it do on assign, clear and record.
enum ValueOption: String, Sendable, CaseIterable {
    case required = "Required"
    case filldown = "Filldown"
    case fillup = "Fillup"
    case key = "Key"
    case list = "List"
}

/// One `Value [Options] NAME (regex)` line of a template.
struct ValueDefinition: Sendable {
    static let maximumNameLength = 48

    let name: String
    /// In the order written: Python runs their hooks in that order.
    let options: [ValueOption]
    /// The regex as written.
    let regex: String
    /// The regex with its first `(` naming the group, as rules use it.
    let ruleFragment: String
    /// The Value's own regex, for `List` Values with nested groups, whose items
    /// are re-matched to give one object per item.
    let nested: CompiledPattern?

    init(line: String) throws(PatternError) {
        // Python splits on single spaces, so a double space is an empty token.
        let tokens = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard tokens.count >= 3 else { throw PatternError(message: "Expect at least 3 tokens on line.") }
        var options: [ValueOption] = []
        if tokens[2].hasPrefix("(") {
            name = tokens[1]
            regex = tokens[2...].joined(separator: " ")
        } else {
            for optionName in tokens[1].split(separator: ",", omittingEmptySubsequences: false) {
                guard let option = ValueOption(rawValue: String(optionName)) else {
                    throw PatternError(message: "Unknown option \"\(optionName)\"")
                }
                guard !options.contains(option) else { throw PatternError(message: "Duplicate option \"\(optionName)\"") }
                options.append(option)
            }
            name = tokens[2]
            regex = tokens[3...].joined(separator: " ")
        }
        self.options = options
        guard name.count <= Self.maximumNameLength else {
            throw PatternError(message: "Invalid Value name '\(name)' or name too long.")
        }
        guard regex.hasPrefix("("), regex.hasSuffix(")"), !regex.hasSuffix("\\)") else {
            throw PatternError(message: "Value '\(regex)' must be contained within a '()' pair.")
        }
        let own = try CompiledPattern(python: regex)
        ruleFragment = "(?P<\(name)>" + regex.dropFirst()
        nested = options.contains(.list) && own.groupCount > 1 ? own : nil
    }
}
