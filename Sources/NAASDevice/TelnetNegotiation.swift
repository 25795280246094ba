/// The Telnet protocol as a pure state machine (RFC 854/855): takes the bytes
/// a server sends, returns the data for the terminal with every command
/// removed, and the bytes to answer with.
///
/// It never initiates a negotiation; it only answers the server's requests.
/// It echoes nothing locally, since the server's WILL ECHO is always welcome.
struct TelnetNegotiation {
    /// What one chunk of received bytes amounts to.
    struct Output: Equatable {
        /// Bytes for the terminal, with commands removed and IAC IAC undoubled.
        var data: [UInt8] = []
        /// Bytes to send back to the server, in the order they arose.
        var replies: [UInt8] = []
    }

    /// The terminal type announced on TERMINAL-TYPE SEND (RFC 1091).
    static let terminalType = Array("VT100".utf8)
    /// The window announced through NAWS (RFC 1073). 511 columns, as Netmiko
    /// asks for, keep devices from wrapping long lines; 1000 rows keep most of
    /// them from paging before the session turns paging off.
    static let windowColumns: UInt16 = 511
    static let windowRows: UInt16 = 1000

    /// Subnegotiations longer than this are dropped: a server gains nothing
    /// from sending more, and the buffer must not grow without bound.
    static let subnegotiationLimit = 1024

    private enum State {
        case data
        case command
        case option(verb: UInt8)
        case subnegotiation
        case subnegotiationCommand
    }

    private var state = State.data
    /// A CR just went out as data: a NUL after it is padding (RFC 854), not data.
    private var afterCarriageReturn = false
    private var subnegotiation: [UInt8] = []
    private var subnegotiationOverflowed = false
    /// Options the server performs (it said WILL and we said DO).
    private var serverEnabled = Set<UInt8>()
    /// Options we perform (the server said DO and we said WILL).
    private var clientEnabled = Set<UInt8>()
    /// Requests already refused: a server that asks again after our refusal
    /// gets no second answer, so no two peers can loop on the same option.
    private var refusedServer = Set<UInt8>()
    private var refusedClient = Set<UInt8>()

    /// Processes one chunk; a command may start in one chunk and end in a later one.
    mutating func receive(_ bytes: some Sequence<UInt8>) -> Output {
        var output = Output()
        for byte in bytes { consume(byte, into: &output) }
        return output
    }

    /// Doubles every IAC (0xFF) so the server reads it as data.
    static func escape(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.underestimatedCount)
        for byte in bytes {
            escaped.append(byte)
            if byte == TelnetCode.iac { escaped.append(TelnetCode.iac) }
        }
        return escaped
    }

    private mutating func consume(_ byte: UInt8, into output: inout Output) {
        switch state {
        case .data:
            if byte == TelnetCode.iac {
                state = .command
            } else {
                emit(byte, into: &output)
            }
        case .command:
            switch byte {
            case TelnetCode.iac:
                state = .data
                emit(byte, into: &output)
            case TelnetCode.will, TelnetCode.wont, TelnetCode.do, TelnetCode.dont:
                state = .option(verb: byte)
            case TelnetCode.sb:
                subnegotiation.removeAll(keepingCapacity: true)
                subnegotiationOverflowed = false
                state = .subnegotiation
            default:
                // NOP, GA, DM, AYT and the rest carry nothing a CLI session needs.
                state = .data
            }
        case .option(let verb):
            state = .data
            negotiate(verb: verb, option: byte, into: &output)
        case .subnegotiation:
            if byte == TelnetCode.iac {
                state = .subnegotiationCommand
            } else {
                collect(byte)
            }
        case .subnegotiationCommand:
            switch byte {
            case TelnetCode.se:
                state = .data
                if !subnegotiationOverflowed { answerSubnegotiation(into: &output) }
            case TelnetCode.iac:
                state = .subnegotiation
                collect(byte)
            default:
                // RFC 855 allows only IAC IAC and IAC SE here; tolerate anything else.
                state = .subnegotiation
            }
        }
    }

    private mutating func emit(_ byte: UInt8, into output: inout Output) {
        if afterCarriageReturn && byte == 0 {
            afterCarriageReturn = false
            return
        }
        afterCarriageReturn = byte == TelnetCode.cr
        output.data.append(byte)
    }

    private mutating func collect(_ byte: UInt8) {
        guard subnegotiation.count < Self.subnegotiationLimit else {
            subnegotiationOverflowed = true
            return
        }
        subnegotiation.append(byte)
    }

    private mutating func negotiate(verb: UInt8, option: UInt8, into output: inout Output) {
        switch verb {
        case TelnetCode.will:
            guard !serverEnabled.contains(option) else { return }
            if Self.acceptedFromServer.contains(option) {
                serverEnabled.insert(option)
                output.replies += [TelnetCode.iac, TelnetCode.do, option]
            } else if refusedServer.insert(option).inserted {
                output.replies += [TelnetCode.iac, TelnetCode.dont, option]
            }
        case TelnetCode.wont:
            // Acknowledged only when it changes something, so WONT never echoes back and forth.
            guard serverEnabled.remove(option) != nil else { return }
            output.replies += [TelnetCode.iac, TelnetCode.dont, option]
        case TelnetCode.do:
            guard !clientEnabled.contains(option) else { return }
            if Self.offeredToServer.contains(option) {
                clientEnabled.insert(option)
                output.replies += [TelnetCode.iac, TelnetCode.will, option]
                if option == TelnetOption.naws { output.replies += Self.windowSize }
            } else if refusedClient.insert(option).inserted {
                output.replies += [TelnetCode.iac, TelnetCode.wont, option]
            }
        default:
            guard clientEnabled.remove(option) != nil else { return }
            output.replies += [TelnetCode.iac, TelnetCode.wont, option]
        }
    }

    private func answerSubnegotiation(into output: inout Output) {
        // Only TERMINAL-TYPE asks us anything; the server never sends NAWS data to a client.
        guard subnegotiation == [TelnetOption.terminalType, TelnetCode.send],
              clientEnabled.contains(TelnetOption.terminalType)
        else { return }
        output.replies += [TelnetCode.iac, TelnetCode.sb, TelnetOption.terminalType, TelnetCode.is]
        output.replies += Self.escape(Self.terminalType)
        output.replies += [TelnetCode.iac, TelnetCode.se]
    }

    private static let acceptedFromServer: Set<UInt8> = [TelnetOption.echo, TelnetOption.suppressGoAhead]
    private static let offeredToServer: Set<UInt8> = [TelnetOption.terminalType, TelnetOption.naws]

    /// SB NAWS width height SE, 16-bit big-endian; 511 is 0x01FF, whose 0xFF must be doubled.
    private static var windowSize: [UInt8] {
        let size = [windowColumns, windowRows].flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return [TelnetCode.iac, TelnetCode.sb, TelnetOption.naws] + escape(size) + [TelnetCode.iac, TelnetCode.se]
    }
}

/// Telnet command bytes (RFC 854) and subnegotiation verbs (RFC 1091).
enum TelnetCode {
    static let iac: UInt8 = 255
    static let dont: UInt8 = 254
    static let `do`: UInt8 = 253
    static let wont: UInt8 = 252
    static let will: UInt8 = 251
    static let sb: UInt8 = 250
    static let ga: UInt8 = 249
    static let nop: UInt8 = 241
    static let se: UInt8 = 240
    static let cr: UInt8 = 13
    static let `is`: UInt8 = 0
    static let send: UInt8 = 1
}

/// The Telnet options this client knows by name.
enum TelnetOption {
    static let echo: UInt8 = 1
    static let suppressGoAhead: UInt8 = 3
    static let terminalType: UInt8 = 24
    static let naws: UInt8 = 31
}
