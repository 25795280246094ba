import NIOCore
import Testing
@testable import NAASWebhooks

/// Which addresses may receive webhooks: public ones only, unless the server allows private ones.
@Suite struct ReceiverAddressTests {
    @Test(arguments: [
        ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("10.0.0.1", "private"), ("172.16.0.1", "private"),
        ("172.31.255.255", "private"), ("192.168.10.1", "private"), ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"), ("100.64.0.1", "shared"), ("224.0.0.251", "multicast"), ("255.255.255.255", "reserved"),
        ("::1", "loopback"), ("::", "unspecified"), ("fe80::1", "link-local"), ("fd12:3456::1", "private"),
        ("ff02::1", "multicast"), ("::ffff:10.1.2.3", "private"), ("::ffff:127.0.0.1", "loopback"),
    ])
    func refused(address: String, reason: String) throws {
        let refusal = ReceiverAddress.refusal(of: try SocketAddress(ipAddress: address, port: 443))
        #expect(refusal?.contains(reason) == true, "\(address): \(refusal ?? "allowed")")
    }

    @Test(arguments: ["8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "192.169.0.1", "2001:db8::1", "2606:4700::1111", "::ffff:93.184.216.34"])
    func allowed(address: String) throws {
        #expect(ReceiverAddress.refusal(of: try SocketAddress(ipAddress: address, port: 443)) == nil, "\(address)")
    }
}
