/// Separates Telnet commands from data; answers option negotiation.
///
/// The simulator offers ECHO and SUPPRESS-GO-AHEAD and refuses every other
/// option, so the client's line discipline stays out of the way.
struct TelnetParser {
    static let iac: UInt8 = 255
    static let will: UInt8 = 251, wont: UInt8 = 252, doOption: UInt8 = 253, dont: UInt8 = 254
    static let sb: UInt8 = 250, se: UInt8 = 240
    static let echo: UInt8 = 1, suppressGoAhead: UInt8 = 3

    /// The negotiation sent when a connection opens.
    static let greeting: [UInt8] = [iac, will, echo, iac, will, suppressGoAhead]

    private enum State { case data, command, option(UInt8), subnegotiation, subnegotiationIAC }
    private var state = State.data

    /// Returns the data bytes and the replies to send.
    mutating func parse(_ bytes: [UInt8]) -> (data: [UInt8], replies: [UInt8]) {
        var data: [UInt8] = []
        var replies: [UInt8] = []
        for byte in bytes {
            switch state {
            case .data:
                if byte == Self.iac { state = .command } else { data.append(byte) }
            case .command:
                switch byte {
                case Self.iac: data.append(byte); state = .data
                case Self.will, Self.wont, Self.doOption, Self.dont: state = .option(byte)
                case Self.sb: state = .subnegotiation
                default: state = .data
                }
            case .option(let verb):
                state = .data
                let ours = byte == Self.echo || byte == Self.suppressGoAhead
                if verb == Self.doOption && !ours { replies += [Self.iac, Self.wont, byte] }
                if verb == Self.will && byte != Self.suppressGoAhead { replies += [Self.iac, Self.dont, byte] }
            case .subnegotiation:
                if byte == Self.iac { state = .subnegotiationIAC }
            case .subnegotiationIAC:
                state = byte == Self.se ? .data : .subnegotiation
            }
        }
        return (data, replies)
    }

    /// Doubles IAC bytes in outgoing text.
    static func escape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            out.append(byte)
            if byte == iac { out.append(iac) }
        }
        return out
    }
}
