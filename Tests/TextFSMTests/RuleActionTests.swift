import Testing
@testable import TextFSM

/// Line actions, record actions and state changes; expectations are Python textfsm 2.1's.
@Suite struct RuleActionTests {
    @Test func continueTriesTheNextRuleOnTheSameLine() throws {
        let template = "Value A (\\w+)\nValue B (\\w+)\n\nStart\n  ^${A}\\s -> Continue\n  ^\\w+\\s${B} -> Record\n"
        #expect(try PythonJSON.parse(template, "x y\nz w\n") == #"[["x", "y"], ["z", "w"]]"#)
    }

    @Test func continueRecordRecordsAndKeepsTheLine() throws {
        let template = "Value Word (\\w+)\n\nStart\n  ^${Word} -> Continue.Record\n  ^\\w+ ${Word} -> Record\n"
        #expect(try PythonJSON.parse(template, "one two\n") == #"[["one"], ["two"]]"#)
    }

    @Test func clearKeepsFilldownAndClearallForgetsIt() throws {
        let template = """
            Value Filldown Host (\\S+)
            Value Port (\\d+)

            Start
              ^host ${Host}
              ^port ${Port}
              ^clear -> Clear
              ^clearall -> Clearall
              ^rec -> Record

            """
        #expect(try PythonJSON.parse(template, "host h\nport 1\nclear\nrec\nhost g\nport 2\nclearall\nport 3\nrec\n")
            == #"[["h", ""], ["g", "3"], ["g", ""]]"#)
    }

    @Test func stateChangesAndEndStopReading() throws {
        let template = """
            Value Interface (\\S+)
            Value Address (\\S+)

            Start
              ^interface ${Interface} -> Addresses

            Addresses
              ^  address ${Address} -> Record
              ^interface ${Interface}
              ^end -> End

            """
        #expect(try PythonJSON.parse(template, "interface e0\n  address 10.0.0.1\ninterface e1\n  address 10.0.0.2\nend\ninterface e2\n  address 10.0.0.3\n")
            == #"[["e0", "10.0.0.1"], ["e1", "10.0.0.2"]]"#)
    }

    @Test func endSkipsTheImplicitRecord() throws {
        #expect(try PythonJSON.parse("Value A (\\S+)\n\nStart\n  ^a ${A} -> End\n", "a 1\n") == "[]")
    }

    @Test func aDeclaredEOFStateSuppressesTheImplicitRecord() throws {
        #expect(try PythonJSON.parse("Value A (\\S+)\n\nStart\n  ^a ${A}\n\nEOF\n", "a 1\n") == "[]")
    }

    @Test func goingToAnUndeclaredEOFStopsButStillRecords() throws {
        #expect(try PythonJSON.parse("Value A (\\S+)\n\nStart\n  ^a ${A} -> EOF\n", "a 1\na 2\n") == #"[["1"]]"#)
    }

    @Test func errorWithAMessageStopsWithPythonsText() {
        let template = "Value A (\\S+)\n\nStart\n  ^a ${A}\n  ^. -> Error \"unexpected line\"\n"
        #expect(throws: RuleError(message: #"Error: "unexpected line". Rule Line: 5. Input Line: boom."#)) {
            try Template(source: template).parse("a 1\nboom\n")
        }
    }

    @Test func errorWithoutAMessage() {
        let template = "Value A (\\S+)\n\nStart\n  ^a ${A}\n  ^. -> Error\n"
        #expect(throws: RuleError(message: "State Error raised. Rule Line: 5. Input Line: boom")) {
            try Template(source: template).parse("a 1\nboom\n")
        }
    }

    @Test func valuesAreSubstitutedInBothSpellingsAndDoubleDollarIsADollar() throws {
        let template = "Value Cost (\\d+)\nValue Name (\\S+)\n\nStart\n  ^$Name costs \\$$${Cost}$$ -> Record\n"
        #expect(try PythonJSON.parse(template, "tea costs $3\n") == #"[["3", "tea"]]"#)
    }

    @Test func commentsAreIgnoredAnywhere() throws {
        let template = "# about\nValue A (\\S+)\n  # indented\n\n# between\nStart\n  # inside\n  ^a ${A} -> Record\n"
        #expect(try PythonJSON.parse(template, "a 1\n") == #"[["1"]]"#)
    }

    @Test func theArrowNeedsSpaceBeforeItOrItIsPartOfThePattern() throws {
        let template = "Value A (\\S+)\n\nStart\n  ^a-> Record\n  ^b ${A} -> Record\n"
        #expect(try PythonJSON.parse(template, "a-> Record\nb 2\n") == #"[["2"]]"#)
    }
}
