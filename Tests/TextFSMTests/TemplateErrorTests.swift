import Testing
@testable import TextFSM

/// Templates Python textfsm 2.1 refuses are refused, naming the template and the line.
@Suite struct TemplateErrorTests {
    static let refused: [(String, String, Int?)] = [
        ("Start\n  ^x\n", "No Value definitions found.", 1),
        ("Value A (x)\nStart\n  ^x\n", "Expected blank line after last Value entry.", 2),
        ("Value A (x)\nValue A (y)\n\nStart\n  ^x\n", "Duplicate declarations for Value 'A'.", 2),
        ("Value Sticky A (x)\n\nStart\n  ^x\n", "Unknown option \"Sticky\"", 1),
        ("Value List,List A (x)\n\nStart\n  ^x\n", "Duplicate option \"List\"", 1),
        ("Value " + String(repeating: "N", count: 49) + " (x)\n\nStart\n  ^x\n", "or name too long", 1),
        ("Value A x\n\nStart\n  ^x\n", "Unknown option \"A\"", 1),
        ("Value A (x\n\nStart\n  ^x\n", "must be contained within a '()' pair", 1),
        ("Value A ((x)\n\nStart\n  ^x\n", "missing ), unterminated subpattern", 1),
        ("Value A (x)\n\nBegin\n  ^x\n", "Missing state 'Start'.", nil),
        ("Value A (x)\n\nStart here\n  ^x\n", "Invalid state name: 'Start here'.", 3),
        ("Value A (x)\n\nRecord\n  ^x\n", "Invalid state name: 'Record'.", 3),
        ("Value A (x)\n\nStart\n  ^x\n\nStart\n  ^y\n", "Duplicate state name: 'Start'.", 6),
        ("Value A (x)\n\nStart\n   ^x\n", "Missing white space or carat ('^') before rule.", 4),
        ("Value A (x)\n\nStart\n  ^x -> Next.Save\n", "Badly formatted rule '^x -> Next.Save'.", 4),
        ("Value A (x)\n\nStart\n  ^x -> Continue Other\n\nOther\n  ^y\n", "Action 'Continue' with new state Other specified.", 4),
        ("Value A (x)\n\nStart\n  ^x -> Nowhere\n", "State 'Nowhere' not found, referenced in state 'Start'.", 4),
        ("Value A (x)\n\nStart\n  ^x\n\nEnd\n  ^y\n", "Non-Empty 'End' state.", nil),
        ("Value A (x)\n\nStart\n  ^x\n\nEOF\n  ^y\n", "Non-Empty 'EOF' state.", nil),
        ("Value A (x)\n\nStart\n  ^${A}$\n", "Duplicate or invalid variable substitution: '^${A}$'.", 4),
        ("Value A (x)\n\nStart\n  ^${B}\n", "Duplicate or invalid variable substitution: '^${B}'.", 4),
        ("Value A (x)\n\nStart\n  ^${A} ${A}\n", "redefinition of group name 'A'", 4),
        ("Value A (x)\n\nStart\n  ^${A}(\n", "Invalid regular expression: '^(?P<A>x)('", 4),
        ("Value A (x)\n\nStart\n  ^x -> Next \"msg\"\n", "Alphanumeric characters only in state names.", 4),
        ("Value A-B (x)\n\nStart\n  ^${A}\n", "Duplicate or invalid variable substitution", 4),
    ]

    @Test(arguments: refused)
    func refusedTemplatesNameTheLineAndTheReason(source: String, reason: String, line: Int?) {
        do {
            _ = try Template(source: source, name: "bad.textfsm")
            Issue.record("loaded a template Python refuses: \(source)")
        } catch {
            #expect(error.template == "bad.textfsm")
            #expect(error.line == line)
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(error.description.hasPrefix("Template bad.textfsm"))
        }
    }

    @Test func aValueNameThatIsNoIdentifierFailsWhereARuleUsesIt() {
        #expect(throws: TemplateError.self) { try Template(source: "Value A-B (x)\n\nStart\n  ^$A-B\n") }
    }
}
