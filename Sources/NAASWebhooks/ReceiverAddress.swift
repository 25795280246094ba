import NIOCore

/// Which network addresses may receive webhooks: a job's result must not be
/// posted into the service's own network (its loopback, a cloud metadata
/// endpoint, a private subnet) on behalf of whoever submitted the job.
public enum ReceiverAddress {
    /// Why `address` may not receive webhooks (e.g. "loopback"), or nil when it may.
    public static func refusal(of address: SocketAddress) -> String? {
        switch address {
        case .v4(let v4):
            return refusal(ofIPv4: withUnsafeBytes(of: v4.address.sin_addr) { Array($0) })
        case .v6(let v6):
            return refusal(ofIPv6: withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) })
        case .unixDomainSocket:
            return "a local socket"
        }
    }

    /// `bytes`: the four bytes of an IPv4 address, in network order.
    static func refusal(ofIPv4 bytes: [UInt8]) -> String? {
        let (a, b) = (bytes[0], bytes[1])
        switch a {
        case 0: return "an unspecified address (0.0.0.0/8)"
        case 10: return "a private address (10.0.0.0/8)"
        case 127: return "loopback (127.0.0.0/8)"
        case 100 where (64...127).contains(b): return "a shared address (100.64.0.0/10)"
        case 169 where b == 254: return "link-local (169.254.0.0/16)"
        case 172 where (16...31).contains(b): return "a private address (172.16.0.0/12)"
        case 192 where b == 168: return "a private address (192.168.0.0/16)"
        case 192 where b == 0 && bytes[2] == 0: return "a protocol address (192.0.0.0/24)"
        case 198 where b == 18 || b == 19: return "a benchmarking address (198.18.0.0/15)"
        case 224...239: return "multicast (224.0.0.0/4)"
        case 240...255: return "a reserved address (240.0.0.0/4)"
        default: return nil
        }
    }

    /// `bytes`: the sixteen bytes of an IPv6 address, in network order.
    static func refusal(ofIPv6 bytes: [UInt8]) -> String? {
        let leadingZeros = bytes.prefix(15).allSatisfy { $0 == 0 }
        if leadingZeros && bytes[15] == 0 { return "an unspecified address (::)" }
        if leadingZeros && bytes[15] == 1 { return "loopback (::1)" }
        // An IPv4 address in IPv6 clothing (::ffff:a.b.c.d) is judged as the IPv4 address it is.
        if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
            return refusal(ofIPv4: Array(bytes.suffix(4)))
        }
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return "link-local (fe80::/10)" }
        if bytes[0] & 0xfe == 0xfc { return "a private address (fc00::/7)" }
        if bytes[0] == 0xff { return "multicast (ff00::/8)" }
        return nil
    }
}
