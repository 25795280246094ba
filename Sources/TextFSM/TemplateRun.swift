/// One pass of a template over one text: the record being built, the rows
/// made so far, and the current state.
struct TemplateRun {
    private let template: Template
    /// Each Value's current value; nil is Python's None.
    private var current: [FieldValue?]
    /// What `Filldown` restores on a clear.
    private var filldown: [FieldValue?]
    /// The items a `List` Value has gathered.
    private var lists: [[FieldValue]]
    private var rows: [[FieldValue]] = []
    private var stateName = "Start"

    init(template: Template) {
        self.template = template
        let count = template.values.count
        current = Array(repeating: nil, count: count)
        filldown = Array(repeating: nil, count: count)
        lists = Array(repeating: [], count: count)
    }

    mutating func parse(_ text: String) throws(RuleError) -> ParsedTable {
        var rules = template.states["Start"] ?? []
        for line in text.pythonLines {
            let prepared = MatchLine(String(line))
            ruleLoop: for rule in rules {
                guard let match = rule.pattern.match(prepared) else { continue }
                for (group, value) in rule.assignments {
                    assign(match.group(group), to: value)
                }
                switch rule.action.record {
                case .record: appendRecord()
                case .clear: clear()
                case .clearAll: clearAll()
                case .noRecord: break
                }
                switch rule.action.line {
                case .error:
                    let message = rule.action.newState.map { "Error: \($0). Rule Line: \(rule.lineNumber). Input Line: \(line)." }
                        ?? "State Error raised. Rule Line: \(rule.lineNumber). Input Line: \(line)"
                    throw RuleError(message: message)
                case .continue:
                    continue ruleLoop
                case .next:
                    if let target = rule.action.newState {
                        if let next = template.states[target] { rules = next }
                        stateName = target
                    }
                    break ruleLoop
                }
            }
            if stateName == "End" || stateName == "EOF" { break }
        }
        // Python records what is left at the end, unless the template stopped
        // at End or declared an EOF state to say it should not.
        if stateName != "End" && !template.declaresEOF {
            appendRecord()
        }
        return ParsedTable(header: template.header, rows: rows)
    }

    private mutating func assign(_ text: String?, to index: Int) {
        let value = template.values[index]
        let assigned = text.map(FieldValue.string)
        current[index] = assigned
        for option in value.options {
            switch option {
            case .filldown: filldown[index] = assigned
            case .fillup: fillUp(index, with: assigned)
            case .list: lists[index].append(listItem(text, of: value))
            case .required, .key: break
            }
        }
    }

    /// Copies a new value up into the rows above that lack it, stopping at the first that has one.
    private mutating func fillUp(_ index: Int, with value: FieldValue?) {
        guard let value, value.isTruthy else { return }
        for row in rows.indices.reversed() {
            if rows[row][index].isTruthy { break }
            rows[row][index] = value
        }
    }

    /// A List item: the captured string, or an object of the nested named
    /// groups when the Value's regex has them.
    private func listItem(_ text: String?, of value: ValueDefinition) -> FieldValue {
        guard let text else { return .null }
        guard let nested = value.nested, nested.groupNames.contains(where: { $0 != nil }),
              let match = nested.match(MatchLine(text))
        else { return .string(text) }
        let fields = nested.groupNames.enumerated().compactMap { offset, name in
            name.map { Field(name: $0, value: match.group(offset + 1).map(FieldValue.string) ?? .null) }
        }
        return .group(fields)
    }

    private mutating func appendRecord() {
        guard !template.values.isEmpty else { return }
        var record: [FieldValue?] = []
        for (index, value) in template.values.enumerated() {
            for option in value.options {
                switch option {
                case .required:
                    guard current[index]?.isTruthy == true else {
                        clear()
                        return
                    }
                case .list: current[index] = .list(lists[index])
                case .filldown, .fillup, .key: break
                }
            }
            record.append(current[index])
        }
        // A record with nothing in it is neither kept nor cleared.
        guard record.contains(where: { $0 != nil && $0 != .list([]) }) else { return }
        rows.append(record.map { $0 ?? .string("") })
        clear()
    }

    private mutating func clear() {
        for (index, value) in template.values.enumerated() {
            current[index] = nil
            for option in value.options {
                switch option {
                case .filldown: current[index] = filldown[index]
                case .list where !value.options.contains(.filldown): lists[index] = []
                case .list, .required, .fillup, .key: break
                }
            }
        }
    }

    private mutating func clearAll() {
        for index in template.values.indices {
            current[index] = nil
            filldown[index] = nil
            lists[index] = []
        }
    }
}
