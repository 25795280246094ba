import Testing
@testable import NAASDevice

@Suite struct TelnetNegotiationTests {
    let iac = TelnetCode.iac, will = TelnetCode.will, wont = TelnetCode.wont
    let `do` = TelnetCode.do, dont = TelnetCode.dont, sb = TelnetCode.sb, se = TelnetCode.se
    let echo = TelnetOption.echo, sga = TelnetOption.suppressGoAhead
    let ttype = TelnetOption.terminalType, naws = TelnetOption.naws

    /// Feeds each chunk in turn and gathers everything they produced.
    func run(_ chunks: [[UInt8]]) -> TelnetNegotiation.Output {
        var negotiation = TelnetNegotiation()
        var total = TelnetNegotiation.Output()
        for chunk in chunks {
            let output = negotiation.receive(chunk)
            total.data += output.data
            total.replies += output.replies
        }
        return total
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func plainDataPassesThrough() {
        #expect(run([bytes("Username: ")]) == .init(data: bytes("Username: "), replies: []))
    }

    @Test func acceptsEchoAndSuppressGoAhead() {
        let output = run([[iac, will, echo, iac, will, sga] + bytes("Username: ")])
        #expect(output.data == bytes("Username: "))
        #expect(output.replies == [iac, `do`, echo, iac, `do`, sga])
    }

    @Test func commandSplitAcrossChunks() {
        let output = run([bytes("ab"), [iac], [will], [echo] + bytes("cd"), [iac, will], [sga]])
        #expect(output.data == bytes("abcd"))
        #expect(output.replies == [iac, `do`, echo, iac, `do`, sga])
    }

    @Test func answersAnOptionOnlyOnce() {
        let output = run([[iac, will, echo, iac, will, echo], [iac, will, echo]])
        #expect(output.replies == [iac, `do`, echo])
    }

    @Test func refusesUnknownOptionsOnce() {
        let linemode: UInt8 = 34, status: UInt8 = 5
        let output = run([[iac, will, status, iac, `do`, linemode], [iac, will, status, iac, `do`, linemode]])
        #expect(output.replies == [iac, dont, status, iac, wont, linemode])
        #expect(output.data.isEmpty)
    }

    @Test func refusesToEchoLocally() {
        #expect(run([[iac, `do`, echo]]).replies == [iac, wont, echo])
    }

    @Test func acknowledgesWithdrawalOfAnEnabledOptionOnly() {
        #expect(run([[iac, will, echo, iac, wont, echo, iac, wont, echo]]).replies == [iac, `do`, echo, iac, dont, echo])
        #expect(run([[iac, wont, echo, iac, dont, naws]]).replies.isEmpty)
    }

    @Test func sendsWindowSizeWithNAWS() {
        // 511 columns is 0x01FF: its 0xFF goes out doubled.
        let output = run([[iac, `do`, naws]])
        #expect(output.replies == [iac, will, naws, iac, sb, naws, 0x01, 0xFF, 0xFF, 0x03, 0xE8, iac, se])
    }

    @Test func answersTerminalTypeSend() {
        let output = run([[iac, `do`, ttype], [iac, sb, ttype, TelnetCode.send, iac, se]])
        let expected = [iac, will, ttype, iac, sb, ttype, TelnetCode.is] + bytes("VT100") + [iac, se]
        #expect(output.replies == expected)
        #expect(output.data.isEmpty)
    }

    @Test func subnegotiationSplitAcrossChunks() {
        let output = run([[iac, `do`, ttype] + bytes("x"), [iac, sb], [ttype], [TelnetCode.send, iac], [se] + bytes("y")])
        #expect(output.data == bytes("xy"))
        #expect(output.replies.suffix(11) == [iac, sb, ttype, TelnetCode.is] + bytes("VT100") + [iac, se])
    }

    @Test func terminalTypeIsNotSentBeforeItWasAgreed() {
        #expect(run([[iac, sb, ttype, TelnetCode.send, iac, se]]).replies.isEmpty)
    }

    @Test func subnegotiationContentNeverReachesTheData() {
        let output = run([bytes("a") + [iac, sb, 42, 1, 2, iac, iac, 3, iac, se] + bytes("b")])
        #expect(output == .init(data: bytes("ab"), replies: []))
    }

    @Test func oversizedSubnegotiationIsDroppedWhole() {
        let flood = [UInt8](repeating: TelnetCode.send, count: TelnetNegotiation.subnegotiationLimit * 2)
        let output = run([[iac, `do`, ttype, iac, sb, ttype] + flood + [iac, se] + bytes("z")])
        #expect(output == .init(data: bytes("z"), replies: [iac, will, ttype]))
    }

    @Test func doubledIACIsOneDataByte() {
        #expect(run([[0x41, iac, iac, 0x42]]).data == [0x41, 0xFF, 0x42])
        #expect(run([[0x41, iac], [iac, 0x42]]).data == [0x41, 0xFF, 0x42])
    }

    @Test func otherCommandsAreDropped() {
        #expect(run([[0x41, iac, TelnetCode.nop, 0x42, iac, TelnetCode.ga]]).data == [0x41, 0x42])
    }

    @Test func carriageReturnNulIsCarriageReturn() {
        #expect(run([bytes("a\r\0b\r\n")]).data == bytes("a\rb\r\n"))
        #expect(run([bytes("a\r"), [0], bytes("b")]).data == bytes("a\rb"))
        #expect(run([[0x61, 0, 0x62]]).data == [0x61, 0, 0x62])
    }

    @Test func escapeDoublesIAC() {
        #expect(TelnetNegotiation.escape([1, 0xFF, 2]) == [1, 0xFF, 0xFF, 2])
        #expect(TelnetNegotiation.escape(bytes("show run\n")) == bytes("show run\n"))
    }
}
