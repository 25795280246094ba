import Testing
import TextFSM

/// The index and the multi-template merge, against what Python textfsm 2.1's
/// CliTable does with the same input (each expectation below was produced
/// by running CliTable on it).
@Suite struct TemplateIndexTests {
    static let index = """
        # A comment before the header, and one after it.
        #
        Template, Hostname, Platform, Command # the header may carry a comment
        # Rows are tried in order; the first that matches wins.

        cisco_ios_show_vlan_brief.textfsm, .*, cisco_ios, sh[[ow]] vl[[an]] br[[ief]]
        cisco_ios_show_vlan.textfsm,        .*, cisco_ios, sh[[ow]] vl[[an]]
        cisco_ios_show_version.textfsm, .*, cisco_ios, sh[[ow]] ver[[sion]]
        cisco_asa_show_version.textfsm, .*, cisco_(asa|ftd), sh[[ow]] ver[[sion]]
        only_three_fields.textfsm, .*, cisco_ios
        too,many,fields,here,now
        hidden.textfsm, .*, cisco_ios, sh[[ow]] hidden
          # indented: not a comment, but a one-field row, so dropped too
        hostname_ignored.textfsm, nomatch, juniper_junos, show chassis
        #commented.textfsm, .*, cisco_ios, show commented
        a.textfsm:b.textfsm, .*, huawei, display vlan
        """

    @Test func readsRowsAndDropsMalformedOnes() throws {
        let index = try TemplateIndex(source: Self.index)
        #expect(index.rows.map(\.templates) == [
            ["cisco_ios_show_vlan_brief.textfsm"], ["cisco_ios_show_vlan.textfsm"], ["cisco_ios_show_version.textfsm"],
            ["cisco_asa_show_version.textfsm"], ["hidden.textfsm"], ["hostname_ignored.textfsm"], ["a.textfsm", "b.textfsm"],
        ])
        let vlan = index.rows[1]
        #expect(vlan.platform == "cisco_ios")
        #expect(vlan.command == "sh[[ow]] vl[[an]]")
        #expect(vlan.fullCommand == "show vlan")
        #expect(vlan.commandPattern == "sh(o(w)?)? vl(a(n)?)?")
        #expect(vlan.line == 7)
    }

    @Test func completionExpandsAsCliTableDoes() {
        #expect(CommandCompletion.pattern("sh[[ow]]") == "sh(o(w)?)?")
        #expect(CommandCompletion.pattern("sh[[ow]] ver[[sion]]") == "sh(o(w)?)? ver(s(i(o(n)?)?)?)?")
        // The lazy `\[\[.+?\]\]`: at least one character, up to the first `]]` after it.
        #expect(CommandCompletion.pattern("a[[]]]") == "a(])?")
        #expect(CommandCompletion.pattern("a[[[b]]") == "a([(b)?)?")
        #expect(CommandCompletion.pattern("[[a]]]]") == "(a)?]]")
        #expect(CommandCompletion.pattern("x[[a]") == "x[[a]")
        #expect(CommandCompletion.fullSpelling("sh[[ow]] (in[[terfaces]]|po[[rt]])$") == "show (interfaces|port)$")
    }

    @Test func abbreviationsMatchAndMisspellingsDoNot() throws {
        let index = try TemplateIndex(source: Self.index)
        #expect(index.templateNames(platform: "cisco_ios", command: "sh ver") == ["cisco_ios_show_version.textfsm"])
        #expect(index.templateNames(platform: "cisco_ios", command: "show version") == ["cisco_ios_show_version.textfsm"])
        #expect(index.templateNames(platform: "cisco_ios", command: "shw ver") == nil)
        #expect(index.templateNames(platform: "cisco_ios", command: "version") == nil)
        #expect(index.templateNames(platform: "cisco_ios", command: "show commented") == nil)
    }

    @Test func firstMatchingRowWins() throws {
        let index = try TemplateIndex(source: Self.index)
        // `show vlan brief` matches both vlan rows; the brief one comes first.
        #expect(index.templateNames(platform: "cisco_ios", command: "show vlan brief") == ["cisco_ios_show_vlan_brief.textfsm"])
        #expect(index.row(platform: "cisco_ios", command: "show vlan brief")?.line == 6)
        let reordered = try TemplateIndex(source: """
            Template, Hostname, Platform, Command
            cisco_ios_show_vlan.textfsm, .*, cisco_ios, sh[[ow]] vl[[an]]
            cisco_ios_show_vlan_brief.textfsm, .*, cisco_ios, sh[[ow]] vl[[an]] br[[ief]]
            """)
        #expect(reordered.templateNames(platform: "cisco_ios", command: "show vlan brief") == ["cisco_ios_show_vlan.textfsm"])
    }

    @Test func patternsAreAnchoredAtTheStartOnly() throws {
        let index = try TemplateIndex(source: Self.index)
        #expect(index.templateNames(platform: "cisco_ios_telnet", command: "show version") == ["cisco_ios_show_version.textfsm"])
        #expect(index.templateNames(platform: "cisco_ios", command: "show vlan id 10") == ["cisco_ios_show_vlan.textfsm"])
        #expect(index.templateNames(platform: "my_cisco_ios", command: "show version") == nil)
        #expect(index.templateNames(platform: "cisco_ios", command: "do show version") == nil)
        #expect(index.templateNames(platform: "cisco_ftd", command: "sh ver") == ["cisco_asa_show_version.textfsm"])
    }

    @Test func onlyPlatformAndCommandAreChecked() throws {
        let index = try TemplateIndex(source: Self.index)
        #expect(index.templateNames(platform: "juniper_junos", command: "show chassis") == ["hostname_ignored.textfsm"])
    }

    @Test func rowsForAPlatformKeepIndexOrder() throws {
        let index = try TemplateIndex(source: Self.index)
        #expect(index.rows(platform: "cisco_ios").map(\.fullCommand) == ["show vlan brief", "show vlan", "show version", "show hidden"])
        #expect(index.rows(platform: "cisco_asa").map(\.fullCommand) == ["show version"])
        #expect(index.rows(platform: "arista_eos").isEmpty)
    }

    @Test func windowsLineEndingsAreLineEnds() throws {
        let index = try TemplateIndex(source: "Template, Platform, Command\r\nx.textfsm, linux, uname\r\ny.textfsm, linux, ls\r")
        #expect(index.rows.map(\.templates) == [["x.textfsm"], ["y.textfsm"]])
        #expect(index.templateNames(platform: "linux", command: "ls -l") == ["y.textfsm"])
    }

    @Test func anIndexWithoutPlatformOrCommandColumnsMatchesOnWhatItHas() throws {
        let index = try TemplateIndex(source: "Template, Command\nx.textfsm, show x\n")
        #expect(index.templateNames(platform: "anything", command: "show x") == ["x.textfsm"])
    }

    @Test func refusesWhatCliTableRefuses() {
        #expect(throws: TemplateError(template: "index", line: nil, message: "Index file does not have 'Template' column.")) {
            try TemplateIndex(source: "Templates, Platform, Command\nx, y, z\n")
        }
        #expect(throws: TemplateError(template: "index", line: 1, message: "Duplicate header entry 'Command'.")) {
            try TemplateIndex(source: "Template, Command, Command\n")
        }
        #expect(throws: TemplateError(template: "index", line: nil, message: "The index has no header line.")) {
            try TemplateIndex(source: "# only a comment\n\n")
        }
        let badPattern = #expect(throws: TemplateError.self) {
            try TemplateIndex(source: "Template, Platform, Command\nx.textfsm, cisco_(ios, show x\n", name: "my-index")
        }
        #expect(badPattern?.template == "my-index")
        #expect(badPattern?.line == 2)
        #expect(badPattern?.message.hasPrefix("Platform 'cisco_(ios' is not a valid regular expression") == true)
    }
}

/// Multi-template rows (`a.textfsm:b.textfsm`): CliTable's `ParseCmd` and
/// TextTable's `extend`. The expectations are CliTable's output for the same
/// templates and text.
@Suite struct TableMergeTests {
    static let text = "eth0 100\neth1 1000\neth2 10\nmtu eth1 9000\nmtu eth0 1500\nmtu eth1 1\n"

    static func template(_ values: String, _ rule: String, name: String) throws -> Template {
        try Template(source: values + "\n\nStart\n  " + rule + "\n", name: name)
    }

    static let speeds = #"^${NAME}\s+${SPEED}$$ -> Record"#
    static let mtus = #"^mtu\s+${NAME}\s+${MTU} -> Record"#

    static func strings(_ table: ParsedTable) -> [[String]] {
        table.rows.map { row in
            row.map { cell -> String in
                guard case .string(let text) = cell else { return "not a string: \(cell)" }
                return text
            }
        }
    }

    @Test func withoutKeysRowsPairByPositionAndOnlyNewColumnsAreAdded() throws {
        let first = try Self.template("Value NAME (\\S+)\nValue SPEED (\\d+)", Self.speeds, name: "a")
        // SPEED is already a column, so the second table's (empty) SPEED is not taken.
        let second = try Self.template("Value NAME (\\S+)\nValue MTU (\\d+)\nValue SPEED (\\S+)", Self.mtus, name: "b")
        let table = try ParsedTable(parsing: Self.text, with: [first, second])
        #expect(table.header == ["NAME", "SPEED", "MTU"])
        #expect(Self.strings(table) == [["eth0", "100", "9000"], ["eth1", "1000", "1500"], ["eth2", "10", "1"]])
    }

    @Test func withoutKeysAShorterLaterTableLeavesEmptyCells() throws {
        let first = try Self.template("Value NAME (\\S+)\nValue SPEED (\\d+)", Self.speeds, name: "a")
        let second = try Self.template("Value MTU (\\d+)", #"^mtu\s+eth1\s+${MTU} -> Record"#, name: "b")
        let table = try ParsedTable(parsing: Self.text, with: [first, second])
        #expect(Self.strings(table) == [["eth0", "100", "9000"], ["eth1", "1000", "1"], ["eth2", "10", ""]])
        // And a longer one has its extra rows dropped.
        let longer = try ParsedTable(parsing: "eth0 1\nmtu a 1\nmtu b 2\nmtu c 3\n", with: [first, try Self.template(
            "Value NAME (\\S+)\nValue MTU (\\d+)", Self.mtus, name: "c")])
        #expect(Self.strings(longer) == [["eth0", "1", "1"]])
    }

    @Test func keysJoinOnTheFirstEqualRow() throws {
        let first = try Self.template("Value Key NAME (\\S+)\nValue SPEED (\\d+)", Self.speeds, name: "a")
        let second = try Self.template("Value NAME (\\S+)\nValue MTU (\\d+)", Self.mtus, name: "b")
        let table = try ParsedTable(parsing: Self.text, with: [first, second])
        // eth1 has two MTU rows and takes the first; eth2 has none.
        #expect(Self.strings(table) == [["eth0", "100", "1500"], ["eth1", "1000", "9000"], ["eth2", "10", ""]])
    }

    @Test func aLaterTemplatesKeysCountWhenTheFirstHasNone() throws {
        let first = try Self.template("Value NAME (\\S+)\nValue SPEED (\\d+)", Self.speeds, name: "a")
        let second = try Self.template("Value Key NAME (\\S+)\nValue MTU (\\d+)", Self.mtus, name: "b")
        let table = try ParsedTable(parsing: Self.text, with: [first, second])
        #expect(Self.strings(table) == [["eth0", "100", "1500"], ["eth1", "1000", "9000"], ["eth2", "10", ""]])
    }

    @Test func aKeyTheFirstTableLacksIsAnError() throws {
        let first = try Self.template("Value PORT (\\S+)", #"^${PORT}\s+\d+$$ -> Record"#, name: "a")
        let second = try Self.template("Value Key NAME (\\S+)\nValue MTU (\\d+)", Self.mtus, name: "b")
        #expect(throws: CliTableError.merge(TableMergeError(message: "Unknown key: 'NAME'"))) {
            try ParsedTable(parsing: Self.text, with: [first, second])
        }
    }

    @Test func aRuleErrorNamesItsTemplate() throws {
        let first = try Self.template("Value NAME (\\S+)", #"^${NAME} -> Record"#, name: "a")
        let second = try Self.template("Value MTU (\\d+)", #"^mtu -> Error "no mtu""#, name: "b")
        let error = #expect(throws: CliTableError.self) { try ParsedTable(parsing: Self.text, with: [first, second]) }
        guard case .rule(let template, _)? = error else { Issue.record("not a rule error: \(String(describing: error))"); return }
        #expect(template == "b")
        #expect(error?.description.hasPrefix("Error: \"no mtu\". Rule Line: 4. Input Line: mtu eth1 9000") == true)
    }

    @Test func cellsAreStoredAsCliTableStoresThem() throws {
        // A List item whose group took no part is Python's None, which TextTable turns into the string "None".
        let template = try Template(source: """
            Value List ITEMS (\\d+)
            Value NAME (\\S+)

            Start
              ^item\\s+${ITEMS}
              ^x(?:\\s+${ITEMS})?$$
              ^name\\s+${NAME} -> Record
            """, name: "lst")
        let table = try ParsedTable(parsing: "item 1\nx\nitem 2\nname a\n", with: [template])
        #expect(table.rows == [[.list([.string("1"), .string("None"), .string("2")]), .string("a")]])
        #expect(table.cliTableRecords == [[
            Field(name: "items", value: .list([.string("1"), .string("None"), .string("2")])),
            Field(name: "name", value: .string("a")),
        ]])
    }

    @Test func namesThatLowerCaseAlikeShareOneKey() {
        let table = ParsedTable(header: ["Name", "SPEED", "NAME"], rows: [[.string("a"), .string("1"), .string("b")]])
        #expect(table.cliTableRecords == [[Field(name: "name", value: .string("b")), Field(name: "speed", value: .string("1"))]])
    }

    @Test func nestedGroupItemsBecomePythonDictText() {
        let item = FieldValue.group([Field(name: "a", value: .string("x'y")), Field(name: "b", value: .null)])
        let table = ParsedTable(header: ["L"], rows: [[.list([item])]]).cliTableCells
        #expect(table.rows == [[.list([.string(#"{'a': "x'y", 'b': None}"#)])]])
    }
}
