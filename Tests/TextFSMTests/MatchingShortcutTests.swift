import Testing
@testable import TextFSM

/// The two shortcuts taken for speed, which must never change a result: the
/// literal run a line must contain before the engine is asked, and the
/// linear form of a repeated run like `(\s*-*)*`.
@Suite struct MatchingShortcutTests {
    private func literal(_ pattern: String) -> String? {
        RequiredLiteral(python: Array(pattern.unicodeScalars)).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func theLongestTopLevelRunIsRequired() {
        #expect(literal(#"^\s+Interface\s+(?P<NAME>\S+) is"#) == "Interface")
        #expect(literal(#"^Show\s+of\s+\S+\s+ip\s+routemap$"#) == "routemap")
        #expect(literal(#"^Port\.Channel: (?P<X>\d+)"#) == "Port.Channel: ")
        #expect(literal("^Pürer Ü") == "Pürer Ü")
    }

    @Test func quantifiedCharactersGroupsAndClassesAreNotRequired() {
        // Regression: the digits of `{1,16}` were read as text the line must contain.
        #expect(literal(#"^\S{1,16}$"#) == nil)
        #expect(literal(#"^ab{2}cd"#) == "cd")
        #expect(literal(#"^Vlans?"#) == "Vlan")
        #expect(literal(#"^(Gi|Te)\d+"#) == nil)
        #expect(literal(#"^[Interface]+"#) == nil)
        #expect(literal(#"^x(?=Interface)"#) == "x")
        #expect(literal(#"^\d+\.\d+"#) == ".")
    }

    @Test func noRunWhereTheLineNeedNotContainOne() {
        #expect(literal(#"^Interface|^Port"#) == nil)
        #expect(literal(#"(?i)^interface"#) == nil)
        #expect(literal(#"^\s*$"#) == nil)
        // A brace that is no quantifier is text in Python; the run stops there.
        #expect(literal(#"^{master}"#) == "master")
    }

    @Test func aLineWithoutTheRunIsRefusedAndOneWithItIsMatched() throws {
        let pattern = try CompiledPattern(python: #"^\s+Interface\s+(?P<NAME>\S+)"#)
        #expect(pattern.match(MatchLine("  Interface Gi0/1"))?.group(1) == "Gi0/1")
        #expect(pattern.match(MatchLine("  Interfac Gi0/1")) == nil)
        #expect(pattern.match(MatchLine("")) == nil)
    }

    @Test func aRepeatedRunAtTheEndBecomesOneClass() throws {
        #expect(try PythonPattern(#"^(\s*-*)*\s*$"#).icuPattern == #"^([\s\-]*)\s*$"#)
        #expect(try PythonPattern(#"^(?P<A>x)(=*\d*a*)*$"#).icuPattern == #"^(x)([\=\da]*)$"#)
        #expect(try PythonPattern(#"^(?P<A>x)(=*\d*a*)*$"#).groupNames == ["A", nil])
    }

    @Test func aRepeatedRunIsKeptWhereTheRewriteCouldShow() throws {
        // Something after it could take part of the run; a lazy repeat; a dot; flags.
        #expect(try PythonPattern(#"^(\s*-*)*x"#).icuPattern == #"^(\s*-*)*x"#)
        #expect(try PythonPattern(#"^(\s*-*)*?$"#).icuPattern == #"^(\s*-*)*?$"#)
        #expect(try PythonPattern(#"^(.*-*)*$"#).icuPattern == #"^(.*-*)*$"#)
        #expect(try PythonPattern(#"(?x)^(\s*-*)*$"#).icuPattern == #"(?x)^(\s*-*)*$"#)
    }

    @Test func aSeparatorLineMatchesAsBefore() throws {
        let pattern = try CompiledPattern(python: #"^(\s*-*)*\s*$"#)
        #expect(pattern.match(MatchLine("---- ----  -------   ")) != nil)
        #expect(pattern.match(MatchLine("")) != nil)
        #expect(pattern.match(MatchLine("---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- x")) == nil)
    }
}
