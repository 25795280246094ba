/// An ntc-templates `index` file: which templates parse which command's
/// output on which platform, looked up exactly as textfsm's CliTable (and so
/// ntc-templates' `parse_output` and Netmiko) looks it up.
///
/// - Every column but Template is a Python regex (the Command column after
///   its `[[ ]]` completions are expanded), compiled when the index is read;
///   one that does not compile makes the whole index unusable, as in Python.
/// - Only the Platform and Command columns are tested, each with Python's
///   `re.match`: anchored at the start only, so `cisco_ios` also matches
///   `cisco_ios_telnet` and `show vlan` also matches `show vlan brief`.
/// - The first matching row wins, so the order of the rows matters.
public struct TemplateIndex: Sendable {
    /// The rows that have as many fields as the header, in index order.
    public let rows: [IndexRow]
    /// The distinct Platform patterns; a row refers to its own by position,
    /// so a lookup tests each pattern against the platform only once.
    private let platformPatterns: [CompiledPattern]
    private let matchers: [RowMatcher]

    private struct RowMatcher: Sendable {
        /// Position in `platformPatterns`; nil when the row's Platform is empty and matches any.
        let platform: Int?
        /// Nil when the row's Command is empty and matches any.
        let command: CompiledPattern?
    }

    /// Reads an index from its text. `name` is what errors call it.
    public init(source: String, name: String = "index") throws(TemplateError) {
        let table = try TemplateIndexTable(source: source, name: name)
        guard let templateColumn = table.header.firstIndex(of: "Template") else {
            throw TemplateError(template: name, line: nil, message: "Index file does not have 'Template' column.")
        }
        let platformColumn = table.header.firstIndex(of: "Platform")
        let commandColumn = table.header.firstIndex(of: "Command")

        var rows: [IndexRow] = []
        var platformPatterns: [CompiledPattern] = []
        var platformSlots: [String: Int] = [:]
        var matchers: [RowMatcher] = []
        for tableRow in table.rows {
            var compiled: [Int: CompiledPattern] = [:]
            for (column, field) in tableRow.fields.enumerated() where column != templateColumn && !field.isEmpty {
                let pattern = column == commandColumn ? CommandCompletion.pattern(field) : field
                do {
                    compiled[column] = try CompiledPattern(python: pattern)
                } catch {
                    throw TemplateError(
                        template: name, line: tableRow.line,
                        message: "\(table.header[column]) '\(field)' is not a valid regular expression: \(error.message)")
                }
            }
            let platform = platformColumn.map { tableRow.fields[$0] } ?? ""
            var platformSlot: Int?
            if let platformColumn, let pattern = compiled[platformColumn] {
                if let slot = platformSlots[platform] {
                    platformSlot = slot
                } else {
                    platformSlot = platformPatterns.count
                    platformSlots[platform] = platformPatterns.count
                    platformPatterns.append(pattern)
                }
            }
            rows.append(IndexRow(
                line: tableRow.line,
                templates: tableRow.fields[templateColumn].split(separator: ":", omittingEmptySubsequences: false).map(String.init),
                platform: platform,
                command: commandColumn.map { tableRow.fields[$0] } ?? ""))
            matchers.append(RowMatcher(platform: platformSlot, command: commandColumn.flatMap { compiled[$0] }))
        }
        self.rows = rows
        self.platformPatterns = platformPatterns
        self.matchers = matchers
    }

    /// The first row whose Platform and Command match, or nil when none does
    /// (where CliTable raises "No template found for attributes").
    public func row(platform: String, command: String) -> IndexRow? {
        var platforms = PlatformMatches(patterns: platformPatterns, platform: platform)
        let commandLine = MatchLine(command)
        for (row, matcher) in zip(rows, matchers) {
            guard platforms.matches(matcher.platform) else { continue }
            if let pattern = matcher.command, pattern.match(commandLine) == nil { continue }
            return row
        }
        return nil
    }

    /// The template file names of the first matching row, or nil when no row matches.
    public func templateNames(platform: String, command: String) -> [String]? {
        row(platform: platform, command: command)?.templates
    }

    /// Every row whose Platform matches, in index order: the commands the
    /// index knows for that platform.
    public func rows(platform: String) -> [IndexRow] {
        var platforms = PlatformMatches(patterns: platformPatterns, platform: platform)
        return zip(rows, matchers).filter { platforms.matches($0.1.platform) }.map(\.0)
    }
}

/// Whether each distinct Platform pattern matches one platform name, worked
/// out the first time a row asks.
private struct PlatformMatches {
    private let patterns: [CompiledPattern]
    private let line: MatchLine
    private var known: [Bool?]

    init(patterns: [CompiledPattern], platform: String) {
        self.patterns = patterns
        self.line = MatchLine(platform)
        self.known = Array(repeating: nil, count: patterns.count)
    }

    mutating func matches(_ slot: Int?) -> Bool {
        guard let slot else { return true }
        if let answer = known[slot] { return answer }
        let answer = patterns[slot].match(line) != nil
        known[slot] = answer
        return answer
    }
}
