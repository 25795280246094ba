import Testing
@testable import NAASAPI

@Suite struct OptionalWhitespaceTests {
    @Test(arguments: [
        ("  Basic abc=\t", "Basic abc="),
        ("\t\t2.3 ", "2.3"),
        ("naas_token", "naas_token"),
        ("a \t b", "a \t b"),
        ("   ", ""),
        ("", ""),
    ])
    func spacesAndTabsAroundAValueGo(raw: String, trimmed: String) {
        #expect(String(raw.trimmingOptionalWhitespace()) == trimmed)
    }

    /// Only HTTP's optional whitespace: a no-break space is part of the value.
    @Test func otherWhitespaceStays() {
        #expect(String("\u{00A0}x\u{00A0}".trimmingOptionalWhitespace()) == "\u{00A0}x\u{00A0}")
        #expect(String(" x\n".trimmingOptionalWhitespace()) == "x\n")
    }
}
