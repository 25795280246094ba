import Testing
@testable import NAASDevice

@Suite struct TerminalTextTests {
    @Test func removesEchoAndTrailingPrompt() {
        let raw = "show clock\r\n*10:00:00.000 UTC Wed Nov 25 2026\r\nsw1#"
        #expect(TerminalText.commandOutput(raw, command: "show clock") == "*10:00:00.000 UTC Wed Nov 25 2026")
    }

    @Test func lineBreaksBecomeLineFeedsAsTheDoubledCarriageReturnFormComesFirst() {
        #expect(TerminalText.clean("a\r\r\r\nb\r\nc\r\r\nd\n") == "a\nb\nc\nd\n")
        #expect(TerminalText.clean("ünï\r\n✓") == "ünï\n✓")
        #expect(TerminalText.clean("no breaks") == "no breaks")
    }

    @Test func theEchoIsRecognisedDespiteBlanksAroundIt() {
        #expect(TerminalText.commandOutput(" \tshow clock \r\n10:00\r\nsw1#", command: "show clock\t") == "10:00")
    }

    @Test func keepsBlankLinesInsideOutput() {
        let raw = "show x\r\nline 1\r\n\r\nline 3\r\nsw1#"
        #expect(TerminalText.commandOutput(raw, command: "show x") == "line 1\n\nline 3")
    }

    @Test func stripsColourAndBracketedPasteSequences() {
        let raw = "\u{1B}[?2004l\rhello\r\n\u{1B}[?2004h\u{1B}[01;32mnaas@host\u{1B}[00m:~$ "
        #expect(TerminalText.clean(raw) == "hello\nnaas@host:~$ ")
    }

    @Test func stripsWindowTitleSequences() {
        #expect(TerminalText.strippingEscapes("\u{1B}]0;naas@host: ~\u{07}naas@host:~$ ") == "naas@host:~$ ")
    }

    @Test func lastLineTreatsCRLFAsALineBreak() {
        // Swift sees "\r\n" as one Character; the search must still split there.
        #expect(TerminalText.lastLine(of: "terminal length 0\r\nsw2#") == "sw2#")
        #expect(TerminalText.lastLine(of: "no newline") == "no newline")
    }

    @Test func leavesOutputWithoutEchoAlone() {
        #expect(TerminalText.commandOutput("first\nsw1#", command: "show x") == "first")
    }
}

@Suite struct TerminalRenderingTests {
    @Test func backspacesEraseAPager() {
        let raw = "line 23\r\n --More-- \u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}          \u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}line 24\r\n"
        #expect(TerminalText.clean(raw) == "line 23\nline 24\n")
    }

    @Test func carriageReturnRedrawsTheLine() {
        #expect(TerminalText.clean("---(more)---\r            \rline 24\r\n") == "line 24\n")
    }

    @Test func cursorLeftSequencesRedrawTheLine() {
        let raw = "  ---- More ----\u{1B}[16D                \u{1B}[16Dnext line\r\n"
        #expect(TerminalText.clean(raw) == "next line\n")
    }

    @Test func eraseToEndOfLine() {
        #expect(TerminalText.screenLine("abcdef\r\u{1B}[Kxy") == "xy")
    }

    @Test func linesThatAreNotRedrawnKeepTheirSpaces() {
        #expect(TerminalText.clean("a  \r\nb\r\n") == "a  \nb\n")
    }
}
