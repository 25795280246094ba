import Testing
@testable import TextFSM

/// Each Value option against a small template; every expectation is what
/// Python textfsm 2.1 returns for the same template and input.
@Suite struct ValueOptionTests {
    @Test func filldownKeepsItsValueUntilReassignedAndMakesTheEOFRecord() throws {
        let template = "Value Filldown Chassis (\\S+)\nValue Slot (\\d+)\n\nStart\n  ^Chassis ${Chassis}\n  ^Slot ${Slot} -> Record\n"
        #expect(try PythonJSON.parse(template, "Chassis a\nSlot 1\nSlot 2\nChassis b\nSlot 3\n")
            == #"[["a", "1"], ["a", "2"], ["b", "3"], ["b", ""]]"#)
    }

    @Test func aRecordOfOnlyFilldownValuesIsStillARecord() throws {
        #expect(try PythonJSON.parse("Value Filldown F (\\S+)\n\nStart\n  ^f ${F} -> Record\n", "f a\nf b\n")
            == #"[["a"], ["b"], ["b"]]"#)
    }

    @Test func requiredSkipsRecordsWithoutTheValue() throws {
        let template = "Value Required Name (\\S+)\nValue Mtu (\\d+)\n\nStart\n  ^name ${Name}\n  ^mtu ${Mtu}\n  ^end -> Record\n"
        #expect(try PythonJSON.parse(template, "mtu 1500\nend\nname eth0\nmtu 9000\nend\n") == #"[["eth0", "9000"]]"#)
    }

    @Test func listGathersEveryAssignmentAndClearsPerRecord() throws {
        let template = "Value Name (\\S+)\nValue List Member (\\S+)\n\nStart\n  ^group ${Name}\n  ^  member ${Member}\n  ^end -> Record\n"
        #expect(try PythonJSON.parse(template, "group a\n  member x\n  member y\nend\ngroup b\nend\n")
            == #"[["a", ["x", "y"]], ["b", []]]"#)
    }

    @Test func filldownListAccumulatesAcrossRecords() throws {
        let template = "Value Filldown,List Member (\\S+)\nValue Name (\\S+)\n\nStart\n  ^member ${Member}\n  ^name ${Name} -> Record\n"
        #expect(try PythonJSON.parse(template, "member x\nname a\nmember y\nname b\n")
            == #"[[["x"], "a"], [["x", "y"], "b"], [["x", "y"], ""]]"#)
    }

    @Test func listWithNestedNamedGroupsGivesObjects() throws {
        let template = "Value List People ((?P<name>\\w+)\\s+(?P<age>\\d+)?)\n\nStart\n  ^person ${People}\n"
        #expect(try PythonJSON.parse(template, "person bob 32\nperson ann \n")
            == #"[[[{"name": "bob", "age": "32"}, {"name": "ann", "age": null}]]]"#)
    }

    @Test func listWithUnnamedNestedGroupsGivesStrings() throws {
        #expect(try PythonJSON.parse("Value List Pairs ((\\w+)=(\\w+))\n\nStart\n  ^pair ${Pairs}\n", "pair a=1\npair b=2\n")
            == #"[[["a=1", "b=2"]]]"#)
    }

    @Test func fillupFillsEarlierRowsUpToTheFirstThatHasAValue() throws {
        let template = "Value Port (\\d+)\nValue Fillup Vlan (\\d+)\n\nStart\n  ^port ${Port} -> Record\n  ^vlan ${Vlan}\n"
        #expect(try PythonJSON.parse(template, "port 1\nport 2\nvlan 10\nport 3\n")
            == #"[["1", "10"], ["2", "10"], ["3", "10"]]"#)
    }

    @Test func keyValuesAreListedForJoiningTables() throws {
        let template = try Template(source: "Value Key Port (\\S+)\nValue Speed (\\S+)\nValue Key,Required Slot (\\d)\n\nStart\n  ^x\n")
        #expect(template.keyNames == ["Port", "Slot"])
        #expect(template.header == ["Port", "Speed", "Slot"])
    }

    @Test func requiredBeforeListTestsTheLastScalarAndAfterItTheList() throws {
        let input = "a 1\nb x\nb y\n"
        #expect(try PythonJSON.parse("Value Required,List A (\\d+)\nValue B (\\S+)\n\nStart\n  ^a ${A}\n  ^b ${B} -> Record\n", input)
            == #"[[["1"], "x"]]"#)
        #expect(try PythonJSON.parse("Value List,Required A (\\d+)\nValue B (\\S+)\n\nStart\n  ^a ${A}\n  ^b ${B} -> Record\n", input)
            == #"[[["1"], "x"]]"#)
    }

    @Test func aGroupThatTakesNoPartClearsAScalarAndAppendsNullToAList() throws {
        let template = "Value A (\\d+)\nValue List B (\\d+)\nValue C (\\S+)\n\nStart\n  ^x(?: ${A})?(?: ${B})? ${C} -> Record\n"
        #expect(try PythonJSON.parse(template, "x 1 2 c\nx c\n") == #"[["1", ["2"], "c"], ["", [null], "c"]]"#)
    }

    @Test func anEmptyCaptureIsAValueSoTheRecordIsKept() throws {
        #expect(try PythonJSON.parse("Value A (\\S*)\n\nStart\n  ^a${A} -> Record\n", "a\n") == #"[[""]]"#)
    }
}
