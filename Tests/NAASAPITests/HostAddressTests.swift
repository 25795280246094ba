import Testing
@testable import NAASAPI

@Suite struct HostAddressTests {
    @Test(arguments: ["10.0.0.1", "255.255.255.255", "::1", "2001:db8::7", "switch-01", "core.lab.example.net", "sw_1.lab"])
    func acceptsAddressesAndNames(_ host: String) {
        #expect(HostAddress.isValid(host))
    }

    @Test(arguments: ["", "bad host!", "256.1.1.1", "10.0.0", "01.2.3.4", "-lead.example", "a..b", String(repeating: "a", count: 64), "1.2.3.4.5", "10.0.0.1\u{0}x", "::1\u{0}x", "sw1\u{0}"])
    func rejectsNonsense(_ host: String) {
        #expect(!HostAddress.isValid(host))
    }
}
