import Testing
@testable import TextFSM

/// How input is split into lines and how Python patterns are read; expectations are Python's.
@Suite struct InputAndPatternTests {
    @Test func linesSplitAsPythonSplitlines() throws {
        #expect(try PythonJSON.parse("Value L (.*)\n\nStart\n  ^${L} -> Record\n", "a\r\nb\rc\u{1C}d\n\ne\n")
            == #"[["a"], ["b"], ["c"], ["d"], [""], ["e"]]"#)
    }

    @Test func pythonOnlySyntaxMatchesAsInPython() throws {
        // `{,n}`, a brace that is no quantifier, `\Z`, a repeated lookbehind,
        // a named back-reference and `[` inside a class.
        let template = """
            Value A (\\d{,2})
            Value B (\\S+)
            Value C (\\w+)

            Start
              ^{master:${A}} ${B}\\Z -> Record
              ^(?<=^)+x ${C} (?P=C)$$ -> Record
              ^[[]${B}] -> Record

            """
        #expect(try PythonJSON.parse(template, "{master:12} b\nx dup dup\n[br]\n")
            == #"[["12", "b", ""], ["", "", "dup"], ["", "br", ""]]"#)
    }

    @Test func translationKeepsGroupNumbersAndNames() throws {
        let pattern = try PythonPattern(#"^(?P<first_name>\w+) (x)(?:y)(?=z)(?P<last>\d{,3})"#)
        #expect(pattern.icuPattern == #"^(\w+) (x)(?:y)(?=z)(\d{0,3})"#)
        #expect(pattern.groupNames == ["first_name", nil, "last"])
    }

    @Test func aLookaroundRepeatedZeroOrMoreTimesIsDropped() throws {
        #expect(try PythonPattern(#"a(?=b)*c"#).icuPattern == "ac")
        #expect(try PythonPattern(#"a(?<=a)+c"#).icuPattern == "a(?<=a)c")
    }
}
