import Testing
@testable import NAASWebhooks

@Suite struct ReceiverURLTests {
    @Test func anHTTPSURLGivesItsHostPortAndTarget() throws {
        let url = try ReceiverURL(checking: "https://Hooks.Example.com/naas/jobs?team=net&x=1", allowsHTTP: false)
        #expect(url.usesTLS && url.port == 443)
        #expect(url.host.lowercased() == "hooks.example.com")
        #expect(url.target == "/naas/jobs?team=net&x=1")
        #expect(url.hostHeader.lowercased() == "hooks.example.com")
        #expect(!url.hostIsAddress)
    }

    @Test func aBareHostPostsToTheRootAndNamesItsPortInHost() throws {
        let url = try ReceiverURL(checking: "http://hooks.example.com:8080", allowsHTTP: true)
        #expect(!url.usesTLS && url.port == 8080 && url.target == "/")
        #expect(url.hostHeader == "hooks.example.com:8080")
    }

    @Test func anIPv6HostLosesItsBracketsButKeepsThemInHost() throws {
        let url = try ReceiverURL(checking: "https://[2001:db8::5]:8443/hook", allowsHTTP: false)
        #expect(url.host == "2001:db8::5" && url.hostIsAddress)
        #expect(url.hostHeader == "[2001:db8::5]:8443")
    }

    @Test(arguments: [
        ("http://hooks.example.com/x", "must use https"),
        ("ftp://hooks.example.com/x", "must be an https URL"),
        ("https://user:secret@hooks.example.com/x", "must not carry a login"),
        ("https:///x", "has no host"),
        ("hooks.example.com/x", "not a URL"),
        ("https://hooks.example.com:0/x", "port"),
    ])
    func refused(text: String, reason: String) {
        #expect {
            try ReceiverURL(checking: text, allowsHTTP: false)
        } throws: { error in
            (error as? ReceiverURL.Refusal)?.description.contains(reason) == true
        }
    }

    @Test func aURLLongerThanTheLimitIsRefused() {
        let text = "https://hooks.example.com/" + String(repeating: "a", count: ReceiverURL.maxLength)
        #expect(throws: ReceiverURL.Refusal.self) { try ReceiverURL(checking: text, allowsHTTP: false) }
    }
}
